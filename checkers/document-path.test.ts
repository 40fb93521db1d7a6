import { describe, expect, it } from 'vitest';
import { formatPath, isWithinPath, lookupPath, parsePath, readablePath } from './document-path.ts';

describe('document paths', () => {
  it.each([
    { name: 'a dotted path splits on dots', path: 'failover.instanceFailoverSeconds', segments: ['failover', 'instanceFailoverSeconds'] },
    { name: 'array indices become numbers', path: 'events[2].at', segments: ['events', 2, 'at'] },
    { name: 'a JSON pointer is accepted', path: '/events/2/at', segments: ['events', 2, 'at'] },
    { name: 'pointer escapes are undone', path: '/a~1b/c~0d', segments: ['a/b', 'c~d'] },
    { name: 'the empty path is the root', path: '', segments: [] },
  ])('parsePath - $name', ({ path, segments }) => {
    expect(parsePath(path)).toEqual(segments);
  });

  it('formatPath - writes indices in brackets', () => {
    expect(formatPath(['events', 2, 'at'])).toBe('events[2].at');
    expect(readablePath('')).toBe('the result document');
  });

  it('lookupPath - tells an absent value from a null one', () => {
    const document = { failover: { seconds: null }, events: [{ at: 'x' }] };
    expect(lookupPath(document, 'failover.seconds')).toEqual({ present: true, value: null });
    expect(lookupPath(document, 'failover.other')).toEqual({ present: false, value: undefined });
    expect(lookupPath(document, 'events[0].at')).toEqual({ present: true, value: 'x' });
    expect(lookupPath(document, 'events[0].at.deeper')).toEqual({ present: false, value: undefined });
  });

  it('isWithinPath - a path lies within itself and its ancestors only', () => {
    expect(isWithinPath(['failover', 'x'], ['failover'])).toBe(true);
    expect(isWithinPath(['failover'], ['failover'])).toBe(true);
    expect(isWithinPath(['failover'], ['failover', 'x'])).toBe(false);
    expect(isWithinPath(['events', 1], ['events', 2])).toBe(false);
  });
});
