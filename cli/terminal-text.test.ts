import { describe, expect, it } from 'vitest';
import { neutraliseControls } from './terminal-text.ts';

describe('neutraliseControls', () => {
  it('shows escape sequences, carriage returns and bidi overrides as escapes', () => {
    const planted = 'AMQ8041E\x1b]0;owned\x07 queue\rhidden \x1b[2J\u202eevil\x9b';
    expect(neutraliseControls(planted)).toBe('AMQ8041E\\x1b]0;owned\\x07 queue\\x0dhidden \\x1b[2J\\u202eevil\\x9b');
  });

  it('keeps line feeds, tabs and ordinary text (accents included) as they are', () => {
    const table = 'Scenario\tVerdict\nkill-active  PASS  café\n';
    expect(neutraliseControls(table)).toBe(table);
  });
});
