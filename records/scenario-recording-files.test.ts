import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingOf, saneKillFailover } from '../test/support/recording-fixtures.ts';
import { parseJsonLines } from './json-lines.ts';
import { readScenarioRecording, writeScenarioRecording } from './scenario-recording-files.ts';

describe('scenario recording files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mqchaos-recording-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writeScenarioRecording - round-trips through recording.json, samples.jsonl and events.jsonl', async () => {
    const recording = recordingOf(saneKillFailover());
    const folder = join(dir, 'scenarios', 'kill-active');
    await writeScenarioRecording(folder, recording);
    expect(await readScenarioRecording(folder)).toEqual(recording);
    const header = JSON.parse(await readFile(join(folder, 'recording.json'), 'utf8')) as Record<string, unknown>;
    expect(header.samples).toBeUndefined();
    expect((await readFile(join(folder, 'samples.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(recording.samples.length);
  });

  it('readScenarioRecording - a folder without recording.json is an error unless allowed', async () => {
    await expect(readScenarioRecording(dir)).rejects.toThrow(`no scenario recording in ${dir}: recording.json is missing`);
  });

  it('readScenarioRecording - with allowMissing, a missing folder is undefined', async () => {
    expect(await readScenarioRecording(join(dir, 'nowhere'), { allowMissing: true })).toBeUndefined();
  });

  it('readScenarioRecording - with allowMissing, appended series are read without a header', async () => {
    await writeFile(join(dir, 'events.jsonl'), '{"at":"2026-11-21T10:00:00.000Z","kind":"step-started","summary":"preflight"}\n');
    expect(await readScenarioRecording(dir, { allowMissing: true })).toEqual({
      samples: [],
      events: [{ at: '2026-11-21T10:00:00.000Z', kind: 'step-started', summary: 'preflight' }],
    });
  });

  it('parseJsonLines - a last line cut short by a crash is dropped', () => {
    expect(parseJsonLines('{"a":1}\n{"a":2}\n{"a":', 'samples.jsonl')).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('parseJsonLines - a complete last line without its newline is kept', () => {
    expect(parseJsonLines('{"a":1}\n{"a":2}', 'samples.jsonl')).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('parseJsonLines - a broken line in the middle names file and line', () => {
    expect(() => parseJsonLines('{"a":1}\nnot json\n{"a":2}\n', 'samples.jsonl')).toThrow(/^samples\.jsonl:2 is not valid JSON/);
  });

  it('readScenarioRecording - reads what activities append after the recording was written', async () => {
    const recording = recordingOf([]);
    await writeScenarioRecording(dir, recording);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'samples.jsonl'), `${JSON.stringify(saneKillFailover()[0])}\n`, { flag: 'a' });
    expect((await readScenarioRecording(dir)).samples).toEqual([saneKillFailover()[0]]);
  });
});
