import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTruthLog } from './truth-log.ts';
import { createTruthLogFile } from './truth-log-writer.ts';

describe('createTruthLogFile', () => {
  it('createTruthLogFile - lines of one event-loop turn are written together, in order, on the next turn', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mqchaos-truth-')), 'truth.jsonl');
    const append = createTruthLogFile(file);
    for (let t = 1; t <= 3; t++) append({ t, event: 'lab-stopped' });
    expect(readFileSync(file, 'utf8')).toBe('');
    await new Promise((resolve) => setImmediate(resolve));
    expect(readTruthLog(file).map((e) => e.t)).toEqual([1, 2, 3]);
  });
});
