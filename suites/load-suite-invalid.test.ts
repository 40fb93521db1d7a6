import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DefinitionError } from './definition-error.ts';
import { loadSuite } from './load-suite.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(repoRoot, 'suites', 'fixtures');
const options = { cwd: repoRoot };

const REFERENCE_HINT =
  'reference the secret instead: `credential: { env: VAR }` reads a password from environment variable VAR; ' +
  '`credential: { keyFile: path, passphraseEnv: VAR }` uses a private key file (passphrase, if any, in VAR)';
const FAULT_HINT = 'did you mean "kill-active"? each fault kind has its parameter schema in suites/schemas/faults/<kind>.schema.json';
const MEASUREMENT_HINT =
  'nearest measurements: failover.instanceFailoverSeconds, failover.newInstanceActiveAt, failover.newActiveHost (all of them: suites/schemas/result.schema.json)';

/** An expected error; `file` is relative to suites/fixtures and defaults to the suite itself. */
type Expected = Omit<DefinitionError, 'file'> & { file?: string };

async function loadErrors(name: string): Promise<DefinitionError[]> {
  const loaded = await loadSuite(join(fixtures, 'invalid', name), options);
  if (loaded.ok) throw new Error(`${name} loaded without errors`);
  return loaded.errors;
}

function located(name: string, errors: Expected[]): DefinitionError[] {
  return errors.map(({ file, ...error }) => ({ ...error, file: join(fixtures, file ?? join('invalid', name)) }));
}

const cases: [string, string, Expected[]][] = [
  [
    'malformed YAML is reported at the syntax error',
    'malformed-yaml.yaml',
    [{ code: 'MQC-SUITE-YAML', line: 9, column: 5, pointer: '', message: 'malformed YAML: Flow map in block collection must be sufficiently indented and end with a }' }],
  ],
  [
    'an unknown fault kind lists the known ones',
    'unknown-fault.yaml',
    [{ code: 'MQC-SUITE-UNKNOWN-FAULT', line: 8, column: 20, pointer: '/scenarios/0/fault/kind', message: 'unknown fault "kil-active" (known: kill-active, drop-nfs, switchover, stop-standby, stop-all, stop-member, suspend-then-stop)', hint: FAULT_HINT }],
  ],
  [
    'an instance on an undeclared host lists the declared hosts',
    'undeclared-host.yaml',
    [
      {
        code: 'MQC-SUITE-UNDECLARED-HOST',
        line: 9,
        column: 31,
        pointer: '/estate/inline/queueManagers/QM1/instances/1',
        message: 'queue manager QM1 has an instance on host "mq3", which the estate does not declare',
        hint: 'declared hosts: mq1, mq2',
      },
    ],
  ],
  [
    'a queue manager the lab topology does not declare',
    'undeclared-qmgr.yaml',
    [
      {
        code: 'MQC-SUITE-UNDECLARED-QMGR',
        line: 7,
        column: 19,
        pointer: '/scenarios/0/queueManager',
        message: 'queue manager "QM2" is not declared in lab topology suites/fixtures/topologies/two-node.yaml',
        hint: 'did you mean "QM1"? declared queue managers: QM1',
      },
    ],
  ],
  [
    'a string where a number belongs',
    'wrong-type.yaml',
    [{ code: 'MQC-SUITE-SCHEMA', line: 10, column: 22, pointer: '/scenarios/0/observe/windowSeconds', message: 'must be a number, got string "30s"' }],
  ],
  [
    'a password field and a plain credential are inline secrets, not unknown fields',
    'inline-secret.yaml',
    [
      {
        code: 'MQC-SUITE-INLINE-SECRET',
        line: 10,
        column: 9,
        pointer: '/estate/inline/hosts/mq1/password',
        message: 'inline secret: "password" holds a secret written into the file; secrets are never stored in suites or estates',
        hint: REFERENCE_HINT,
      },
      {
        code: 'MQC-SUITE-INLINE-SECRET',
        line: 15,
        column: 21,
        pointer: '/estate/inline/hosts/mq2/credential',
        message: 'inline secret: credential is a plain value; it must reference the secret, not contain it',
        hint: REFERENCE_HINT,
      },
    ],
  ],
  [
    'a queue manager name carrying shell metacharacters',
    'shell-metacharacters.yaml',
    [
      {
        code: 'MQC-SUITE-MQ-NAME',
        line: 7,
        column: 19,
        pointer: '/scenarios/0/queueManager',
        message: 'queue manager name "QM1;rm -rf /" contains ";" " " "-": MQ names use only A-Z a-z 0-9 . / _ %, at most 48 characters',
      },
    ],
  ],
  [
    'a $ref to a missing file and to a missing pointer, at the $ref',
    'bad-ref.yaml',
    [
      {
        code: 'MQC-SUITE-EXPECT-REF',
        line: 9,
        column: 21,
        pointer: '/scenarios/0/expect/$ref',
        message: 'cannot read expectation file suites/expectations/failover-within-5s.json: no such file',
        hint: 'files there: failover-within-10s.json, failover-within-1s.json',
      },
      {
        code: 'MQC-SUITE-EXPECT-REF',
        line: 13,
        column: 21,
        pointer: '/scenarios/1/expect/$ref',
        message: '../expectations/failover-targets.json has nothing at #/definitions/within5s',
        hint: 'its top-level fields: description, definitions',
      },
    ],
  ],
  [
    'a misspelt measurement names the nearest real ones',
    'unknown-measurement.yaml',
    [
      {
        code: 'MQC-SUITE-UNKNOWN-MEASUREMENT',
        line: 13,
        column: 13,
        pointer: '/scenarios/0/expect/properties/failover/properties/instanceFailoverSecs',
        message: 'unknown measurement "failover.instanceFailoverSecs": the result document has no such field',
        hint: MEASUREMENT_HINT,
      },
    ],
  ],
  [
    'two scenarios with one name',
    'duplicate-scenario.yaml',
    [
      {
        code: 'MQC-SUITE-DUPLICATE-NAME',
        line: 10,
        column: 11,
        pointer: '/scenarios/1/name',
        message: 'scenario name "kill-active-qm1" is already used by scenario 1 (/scenarios/0)',
        hint: 'scenario names must be unique within a suite: they name workflows and report folders',
      },
    ],
  ],
  [
    'a health check of two kinds at once, and a test queue name no queue manager accepts',
    'health-two-kinds.yaml',
    [
      {
        code: 'MQC-SUITE-SCHEMA',
        line: 10,
        column: 9,
        pointer: '/scenarios/0/health/0',
        message: 'must have only one of command, putGet, clientConnect, not several',
      },
      {
        code: 'MQC-SUITE-MQ-NAME',
        line: 10,
        column: 43,
        pointer: '/scenarios/0/health/0/putGet/queue',
        message: 'MQ object name "MQCHAOS.HEALTH;rm" contains ";": MQ names use only A-Z a-z 0-9 . / _ %, at most 48 characters',
      },
    ],
  ],
  [
    'an unknown field suggests the field meant',
    'unknown-field.yaml',
    [
      {
        code: 'MQC-SUITE-SCHEMA',
        line: 9,
        column: 5,
        pointer: '/scenarios/0/observ',
        message: 'unknown field "observ" (known: name, description, queueManager, fault, observe, health, traffic, requires, expect)',
        hint: 'did you mean "observe"?',
      },
    ],
  ],
  [
    'an expectation with a bad type and a keyword that would be ignored',
    'bad-expect-schema.yaml',
    [
      {
        code: 'MQC-SUITE-EXPECT-SCHEMA',
        line: 13,
        column: 46,
        pointer: '/scenarios/0/expect/properties/failover/properties/instanceFailoverSeconds/type',
        message: 'must be one of "array", "boolean", "integer", "null", "number", "object", "string", got string "nubmer"',
      },
      {
        code: 'MQC-SUITE-EXPECT-SCHEMA',
        line: 13,
        column: 54,
        pointer: '/scenarios/0/expect/properties/failover/properties/instanceFailoverSeconds/maximun',
        message: 'unknown keyword "maximun": it would be ignored, so it could never fail',
        hint: 'did you mean "maximum"?',
      },
    ],
  ],
  [
    'errors inside an estate file are reported in that file',
    'broken-estate-file.yaml',
    [
      {
        code: 'MQC-SUITE-MQ-NAME',
        file: 'estates/broken.yaml',
        line: 3,
        column: 95,
        pointer: '/hosts/mq1/hostKey',
        message: 'SSH host key fingerprint "SHA256:short" is not valid: SHA256: followed by 43 base64 characters without padding, as `ssh-keygen -lf` prints it',
      },
      {
        code: 'MQC-SUITE-UNDECLARED-HOST',
        file: 'estates/broken.yaml',
        line: 5,
        column: 27,
        pointer: '/queueManagers/QM1/instances/1',
        message: 'queue manager QM1 has an instance on host "mq9", which the estate does not declare',
        hint: 'declared hosts: mq1',
      },
    ],
  ],
  [
    'a lab name without a topology lists the topologies there are',
    'missing-topology.yaml',
    [
      {
        code: 'MQC-SUITE-ESTATE',
        line: 4,
        column: 8,
        pointer: '/estate/lab',
        message: 'cannot read lab topology lab/topologies/demo-typo.yaml: no such file',
        hint: expect.stringMatching(/^lab topologies: (.+, )?demo(, .+)?$/) as unknown as string,
      },
    ],
  ],
  [
    'a $ref to a URL, since nothing is fetched',
    'remote-ref.yaml',
    [
      {
        code: 'MQC-SUITE-EXPECT-REF',
        line: 11,
        column: 17,
        pointer: '/scenarios/0/expect/allOf/0/$ref',
        message:
          '"https://example.com/schemas/failover.json" is not a file path: an expectation may only refer to files, by a path relative to the file it is written in (nothing is fetched)',
      },
    ],
  ],
  [
    'an expectation that constrains nothing could never fail',
    'expect-constrains-nothing.yaml',
    [
      {
        code: 'MQC-SUITE-EXPECT-SCHEMA',
        line: 10,
        column: 7,
        pointer: '/scenarios/0/expect',
        message: 'the expectation constrains no measurement, so it could never fail',
        hint: 'constrain a measurement, e.g. properties: { failover: { properties: { instanceFailoverSeconds: { maximum: 10 } } } }',
      },
    ],
  ],
  [
    'an estate must come from exactly one source',
    'two-estates.yaml',
    [{ code: 'MQC-SUITE-SCHEMA', line: 4, column: 3, pointer: '/estate', message: 'must have exactly one of lab, file, inline (got lab, file)' }],
  ],
];

describe('invalid suite fixtures', () => {
  it.each(cases)('loadSuite - %s', async (_, name, expected) => {
    expect(await loadErrors(name)).toEqual(located(name, expected));
  });

  it('loadSuite - a suite file that does not exist', async () => {
    const file = join(fixtures, 'invalid', 'no-such-suite.yaml');
    expect(await loadSuite(file, options)).toEqual({
      ok: false,
      errors: [{ code: 'MQC-SUITE-FILE', file, line: 1, column: 1, pointer: '', message: 'cannot read suite file: no such file' }],
    });
  });

  it('loadSuite - a file with several errors reports every one, in file order', async () => {
    const name = 'several-errors.yaml';
    expect(await loadErrors(name)).toEqual(
      located(name, [
        {
          code: 'MQC-SUITE-MQ-NAME',
          line: 2,
          column: 8,
          pointer: '/suite',
          message:
            'suite name "Several_Errors" contains "S" "_" "E": lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (it becomes a workflow id and a folder name)',
        },
        { code: 'MQC-SUITE-SCHEMA', line: 6, column: 31, pointer: '/defaults/observe/probeIntervalMs', message: 'must be at most 250, got number 500' },
        {
          code: 'MQC-SUITE-SCHEMA',
          line: 6,
          column: 36,
          pointer: '/defaults/observe/windowSecs',
          message: 'unknown field "windowSecs" (known: probeIntervalMs, windowSeconds, baselineSeconds, settleSeconds)',
          hint: 'did you mean "windowSeconds"?',
        },
        { code: 'MQC-SUITE-SCHEMA', line: 10, column: 41, pointer: '/scenarios/0/fault/signal', message: 'must be one of "KILL", "TERM", got string "HUP"' },
        {
          code: 'MQC-SUITE-DUPLICATE-NAME',
          line: 12,
          column: 11,
          pointer: '/scenarios/1/name',
          message: 'scenario name "kill-active" is already used by scenario 1 (/scenarios/0)',
          hint: 'scenario names must be unique within a suite: they name workflows and report folders',
        },
        {
          code: 'MQC-SUITE-UNDECLARED-QMGR',
          line: 13,
          column: 19,
          pointer: '/scenarios/1/queueManager',
          message: 'queue manager "QM9" is not declared in lab topology suites/fixtures/topologies/two-node.yaml',
          hint: 'did you mean "QM1"? declared queue managers: QM1',
        },
        { code: 'MQC-SUITE-UNKNOWN-FAULT', line: 14, column: 20, pointer: '/scenarios/1/fault/kind', message: 'unknown fault "kil-active" (known: kill-active, drop-nfs, switchover, stop-standby, stop-all, stop-member, suspend-then-stop)', hint: FAULT_HINT },
        {
          code: 'MQC-SUITE-EXPECT-SCHEMA',
          line: 19,
          column: 40,
          pointer: '/scenarios/1/expect/properties/failover/properties/instanceFailoverSeconds/maximun',
          message: 'unknown keyword "maximun": it would be ignored, so it could never fail',
          hint: 'did you mean "maximum"?',
        },
        {
          code: 'MQC-SUITE-UNKNOWN-MEASUREMENT',
          file: 'expectations/renamed-measurement.json',
          line: 6,
          column: 9,
          pointer: '/properties/failover/properties/instanceFailoverSecs',
          message: 'unknown measurement "failover.instanceFailoverSecs": the result document has no such field',
          hint: MEASUREMENT_HINT,
        },
      ]),
    );
  });
});
