import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { constrainedPaths } from './expectation-paths.ts';
import { loadSuite } from './load-suite.ts';
import type { SuiteDefinition } from './suite-model.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(repoRoot, 'suites', 'fixtures');
const sharedExpectation = join(repoRoot, 'suites', 'expectations', 'failover-within-10s.json');

async function loadClean(file: string): Promise<SuiteDefinition> {
  const loaded = await loadSuite(file, { cwd: repoRoot });
  if (!loaded.ok) throw new Error(`${file}: ${JSON.stringify(loaded.errors, null, 2)}`);
  return loaded.suite;
}

describe('loadSuite - valid suites', () => {
  it('loadSuite - the demo suite loads clean against the demo lab', async () => {
    const suite = await loadClean(join(repoRoot, 'suites', 'lab', 'mi-kill-active.yaml'));
    expect(suite.file).toBe(join(repoRoot, 'suites', 'lab', 'mi-kill-active.yaml'));
    expect(suite.name).toBe('mi-kill-active');
    expect(suite.estate).toEqual({ kind: 'lab', topology: join(repoRoot, 'lab', 'topologies', 'demo.yaml') });
    expect(suite.scenarios).toHaveLength(1);
    const [scenario] = suite.scenarios;
    expect(scenario).toMatchObject({
      name: 'kill-active-qm1',
      queueManager: 'QM1',
      fault: { kind: 'kill-active', signal: 'KILL' },
      observe: { probeIntervalMs: 200, windowSeconds: 30, baselineSeconds: 1, settleSeconds: 1 },
    });
    expect(scenario!.expect.source).toBe('suites/lab/mi-kill-active.yaml:18');
    expect(constrainedPaths(scenario!.expect)).toEqual(['failover.instanceFailoverSeconds']);
  });

  it('loadSuite - a lab topology given as a path, with an expectation picked by pointer', async () => {
    const suite = await loadClean(join(fixtures, 'valid', 'lab-estate.yaml'));
    const targets = pathToFileURL(join(fixtures, 'expectations', 'failover-targets.json')).href;
    expect(suite.estate).toEqual({ kind: 'lab', topology: join(fixtures, 'topologies', 'two-node.yaml') });
    expect(suite.scenarios[0]!.expect.schema).toEqual({ $ref: `${targets}#/definitions/within10s` });
    expect(suite.scenarios[0]!.expect.schemas.map((schema) => schema.$id)).toEqual([targets]);
  });

  it('loadSuite - an estate file is referenced by absolute path and observe layers merge', async () => {
    const suite = await loadClean(join(fixtures, 'valid', 'file-estate.yaml'));
    expect(suite.estate).toEqual({ kind: 'file', path: join(fixtures, 'estates', 'preprod.yaml') });
    expect(suite.scenarios[0]!.observe).toEqual({ probeIntervalMs: 100, windowSeconds: 45, baselineSeconds: 1, settleSeconds: 1 });
    expect(suite.scenarios[0]!.fault).toEqual({ kind: 'kill-active', signal: 'KILL' });
    expect(constrainedPaths(suite.scenarios[0]!.expect).sort()).toEqual(['failover', 'failover.instanceFailoverSeconds', 'recovery.ok']);
  });

  it('loadSuite - an inline estate is compiled with defaults and absolute key files', async () => {
    const suite = await loadClean(join(fixtures, 'valid', 'inline-estate.yaml'));
    expect(suite.estate).toEqual({
      kind: 'inline',
      estate: {
        hosts: {
          mq1: {
            name: 'mq1',
            address: 'mq1.example.com',
            port: 2222,
            user: 'mqm',
            credential: { env: 'MQ1_SSH_PASSWORD' },
            hostKey: 'SHA256:Rs33pcrx2lQTIWTggKWuwFVfwIR6Xz5S+++qZaGIzP8',
          },
          mq2: {
            name: 'mq2',
            address: 'fd00::12',
            port: 22,
            user: 'mqm',
            credential: { keyFile: join(fixtures, 'keys', 'mq2_ed25519') },
            hostKey: 'SHA256:v02tgfF3BCmF9bGiElEQX3qh1B+baB+/qHdtDuhyYao',
          },
        },
        queueManagers: { QM1: { name: 'QM1', instances: ['mq1', 'mq2'] } },
      },
    });
    expect(suite.scenarios[0]!.fault).toEqual({ kind: 'kill-active', signal: 'TERM' });
    expect(suite.scenarios[0]!.observe).toEqual({ probeIntervalMs: 250, windowSeconds: 60, baselineSeconds: 1, settleSeconds: 1 });
  });

  it('loadSuite - a compiled expectation is judged from a stored JSON copy without the suite files', async () => {
    const suite = await loadClean(join(fixtures, 'valid', 'inline-estate.yaml'));
    const stored = JSON.parse(JSON.stringify(suite.scenarios[0]!.expect)) as SuiteDefinition['scenarios'][number]['expect'];
    expect(stored.schemas.map((schema) => schema.$id)).toEqual([pathToFileURL(sharedExpectation).href]);
    const ajv = new Ajv({ allErrors: true, strict: false, loadSchema: () => Promise.reject(new Error('nothing may be fetched')) });
    for (const schema of stored.schemas) ajv.addSchema(schema);
    const judge = ajv.compile(stored.schema);
    expect(judge({ failover: { instanceFailoverSeconds: 4.2 } })).toBe(true);
    expect(judge({ failover: { instanceFailoverSeconds: 12.5 } })).toBe(false);
    expect(judge({ failover: { instanceFailoverSeconds: null } })).toBe(false);
    expect(stored.source).toBe('suites/fixtures/valid/inline-estate.yaml:15');
  });

  it('loadSuite - expectation sources are relative to the given cwd', async () => {
    const loaded = await loadSuite(join(fixtures, 'valid', 'lab-estate.yaml'), { cwd: fixtures });
    expect(loaded.ok && loaded.suite.scenarios[0]!.expect.source).toBe('valid/lab-estate.yaml:9');
  });

  it('loadSuite - a bare lab name is looked up in the given topologies folder', async () => {
    const loaded = await loadSuite(join(repoRoot, 'suites', 'lab', 'mi-kill-active.yaml'), {
      cwd: repoRoot,
      labTopologiesDir: join(fixtures, 'topologies'),
    });
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.errors.map((error) => [error.code, error.message, error.hint])).toEqual([
      ['MQC-SUITE-ESTATE', 'cannot read lab topology suites/fixtures/topologies/demo.yaml: no such file', 'lab topologies: two-node'],
    ]);
  });
});

describe('loadSuite - probe interval bounds', () => {
  const withInterval = async (ms: number) => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const text = readFileSync(join(repoRoot, 'suites', 'lab', 'mi-kill-active.yaml'), 'utf8').replace('probeIntervalMs: 200', `probeIntervalMs: ${ms}`);
    const file = join(mkdtempSync(join(tmpdir(), 'mqchaos-interval-')), 'interval.yaml');
    writeFileSync(file, text.replace('lab: demo', `lab: ${join(repoRoot, 'lab', 'topologies', 'demo.yaml')}`));
    return loadSuite(file, { cwd: repoRoot });
  };

  it('loadSuite - the instance probe may run every 20 ms, not faster', async () => {
    const fastest = await withInterval(20);
    expect(fastest.ok && fastest.suite.scenarios[0]!.observe.probeIntervalMs).toBe(20);
    const tooFast = await withInterval(19);
    expect(tooFast.ok ? [] : tooFast.errors.map((e) => [e.pointer, e.message])).toEqual([['/defaults/observe/probeIntervalMs', 'must be at least 20, got number 19']]);
  });
});
