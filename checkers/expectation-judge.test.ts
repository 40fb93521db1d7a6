import { describe, expect, it } from 'vitest';
import type { ExpectationSpec } from '../suites/suite-model.ts';
import { judgeExpectation, mergeVerdicts } from './expectation-judge.ts';
import { measureScenario } from './judge-scenario.ts';
import { recordingOf, saneKillFailover } from '../test/support/recording-fixtures.ts';

const SOURCE = 'suites/lab/multi-instance.yaml:12';
const FAILOVER_SECONDS = 'failover.instanceFailoverSeconds';

function documentWith(failover: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): object {
  const { document } = measureScenario(recordingOf(saneKillFailover()));
  return { ...document, failover: { ...document.failover, ...failover }, ...extra };
}

function expectationOf(schema: Record<string, unknown>, schemas: Record<string, unknown>[] = []): ExpectationSpec {
  return { schema, schemas, source: SOURCE };
}

function onFailover(properties: Record<string, unknown>): Record<string, unknown> {
  return { type: 'object', properties: { failover: { type: 'object', properties } } };
}

interface WordingCase {
  name: string;
  schema: Record<string, unknown>;
  document: object;
  failure: string;
}

const wordingCases: WordingCase[] = [
  {
    name: 'a failover slower than the maximum says how slow it was and the limit',
    schema: onFailover({ instanceFailoverSeconds: { maximum: 30 } }),
    document: documentWith({ instanceFailoverSeconds: 41.2 }),
    failure: 'failover.instanceFailoverSeconds was 41.2, must be at most 30',
  },
  {
    name: 'an exclusive maximum reads as less than',
    schema: onFailover({ instanceFailoverSeconds: { exclusiveMaximum: 2.3 } }),
    document: documentWith(),
    failure: 'failover.instanceFailoverSeconds was 2.3, must be less than 2.3',
  },
  {
    name: 'a minimum reads as at least',
    schema: onFailover({ probeIntervalMs: { minimum: 2000 } }),
    document: documentWith(),
    failure: 'failover.probeIntervalMs was 1000, must be at least 2000',
  },
  {
    name: 'an exclusive minimum reads as more than',
    schema: onFailover({ instanceFailoverSeconds: { exclusiveMinimum: 5 } }),
    document: documentWith(),
    failure: 'failover.instanceFailoverSeconds was 2.3, must be more than 5',
  },
  {
    name: 'a const reads as must be the value',
    schema: { properties: { messages: { properties: { lost: { const: 0 } } } } },
    document: documentWith({}, { messages: { lost: 3 } }),
    failure: 'messages.lost was 3, must be 0',
  },
  {
    name: 'an enum lists the allowed values',
    schema: onFailover({ newActiveHost: { enum: ['mq3', 'mq4'] } }),
    document: documentWith(),
    failure: 'failover.newActiveHost was "mq2", must be one of "mq3", "mq4"',
  },
  {
    name: 'a type mismatch names the expected type',
    schema: onFailover({ newActiveHost: { type: ['integer', 'array'] } }),
    document: documentWith(),
    failure: 'failover.newActiveHost was "mq2", must be an integer or an array',
  },
  {
    name: 'a multiple of reads as a multiple',
    schema: onFailover({ probeIntervalMs: { multipleOf: 300 } }),
    document: documentWith(),
    failure: 'failover.probeIntervalMs was 1000, must be a multiple of 300',
  },
  {
    name: 'a pattern shows the pattern',
    schema: onFailover({ newActiveHost: { pattern: '^mq1$' } }),
    document: documentWith(),
    failure: 'failover.newActiveHost was "mq2", must match the pattern ^mq1$',
  },
  {
    name: 'too few items counts them',
    schema: { properties: { recovery: { properties: { actions: { minItems: 2 } } } } },
    document: documentWith(),
    failure: 'recovery.actions had 1 items, must have at least 2',
  },
  {
    name: 'too many items counts them',
    schema: { properties: { recovery: { properties: { actions: { maxItems: 0 } } } } },
    document: documentWith(),
    failure: 'recovery.actions had 1 items, must have at most 0',
  },
  {
    name: 'alternatives on one value are listed together',
    schema: onFailover({ newActiveHost: { anyOf: [{ const: 'mq3' }, { const: 'mq4' }] } }),
    document: documentWith(),
    failure: 'failover.newActiveHost was "mq2", must be "mq3" or be "mq4"',
  },
  {
    name: 'a string too short says how long it must be',
    schema: onFailover({ newActiveHost: { minLength: 5 } }),
    document: documentWith(),
    failure: 'failover.newActiveHost was "mq2", must be at least 5 characters long',
  },
  {
    name: 'a rule without its own wording still names the path, the value and the rule',
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      properties: { recovery: { dependentRequired: { ok: ['error'] } } },
    },
    document: documentWith(),
    failure: 'recovery was {"ok":true,"actions":["strmqm -x QM1 on mq1"]}, must have property error when property ok is present (rule "dependentRequired")',
  },
];

describe('judgeExpectation wording', () => {
  it.each(wordingCases)('judgeExpectation - $name', ({ schema, document, failure }) => {
    const outcome = judgeExpectation(document, expectationOf(schema), []);
    expect(outcome.failures).toEqual([failure]);
    expect(outcome.verdict).toBe('fail');
    expect(outcome.source).toBe(SOURCE);
  });
});

const withinThirtySeconds = onFailover({ instanceFailoverSeconds: { type: 'number', maximum: 30 } });

describe('judgeExpectation verdicts', () => {
  it('judgeExpectation - a failover within the limit passes', () => {
    const outcome = judgeExpectation(documentWith(), expectationOf(withinThirtySeconds), [FAILOVER_SECONDS]);
    expect(outcome).toEqual({ verdict: 'pass', failures: [], missing: [], source: SOURCE });
  });

  it('judgeExpectation - a failover over the limit fails', () => {
    const outcome = judgeExpectation(documentWith({ instanceFailoverSeconds: 41.2 }), expectationOf(withinThirtySeconds), [FAILOVER_SECONDS]);
    expect(outcome.verdict).toBe('fail');
    expect(outcome.failures).toEqual(['failover.instanceFailoverSeconds was 41.2, must be at most 30']);
  });

  it('judgeExpectation - a failover never seen is unknown, not a type failure', () => {
    const outcome = judgeExpectation(documentWith({ instanceFailoverSeconds: null }), expectationOf(withinThirtySeconds), [FAILOVER_SECONDS]);
    expect(outcome).toEqual({
      verdict: 'unknown',
      failures: [],
      missing: ['failover.instanceFailoverSeconds was not measured'],
      source: SOURCE,
    });
  });

  it('judgeExpectation - a schema that tolerates null still cannot pass a missing measurement', () => {
    const lenient = onFailover({ instanceFailoverSeconds: { type: ['number', 'null'], maximum: 30 } });
    const outcome = judgeExpectation(documentWith({ instanceFailoverSeconds: null }), expectationOf(lenient), [FAILOVER_SECONDS]);
    expect(outcome.verdict).toBe('unknown');
    expect(outcome.missing).toEqual(['failover.instanceFailoverSeconds was not measured']);
  });

  it('judgeExpectation - an absent measurement required by the schema is unknown', () => {
    const schema = { required: ['messages'], properties: { messages: { properties: { lost: { const: 0 } } } } };
    const outcome = judgeExpectation(documentWith(), expectationOf(schema), ['messages.lost']);
    expect(outcome.verdict).toBe('unknown');
    expect(outcome.missing).toEqual(['messages.lost was not measured', 'messages was not measured']);
  });

  it('judgeExpectation - a failure dominates a missing measurement', () => {
    const schema = onFailover({ instanceFailoverSeconds: { maximum: 30 }, newActiveHost: { const: 'mq3' } });
    const outcome = judgeExpectation(documentWith({ instanceFailoverSeconds: null }), expectationOf(schema), [FAILOVER_SECONDS, 'failover.newActiveHost']);
    expect(outcome.verdict).toBe('fail');
    expect(outcome.failures).toEqual(['failover.newActiveHost was "mq2", must be "mq3"']);
    expect(outcome.missing).toEqual(['failover.instanceFailoverSeconds was not measured']);
  });

  it('judgeExpectation - every failure is reported, not just the first', () => {
    const schema = onFailover({ instanceFailoverSeconds: { maximum: 1 }, newActiveHost: { const: 'mq3' } });
    const outcome = judgeExpectation(documentWith(), expectationOf(schema), []);
    expect(outcome.failures).toHaveLength(2);
  });

  it('judgeExpectation - a reference to a shared schema is resolved by its $id', () => {
    const shared = {
      $id: 'https://mqchaos.dev/schemas/expectations/failover-within.schema.json',
      type: 'object',
      properties: { failover: { properties: { instanceFailoverSeconds: { type: 'number', maximum: 30 } } } },
    };
    const schema = { allOf: [{ $ref: 'https://mqchaos.dev/schemas/expectations/failover-within.schema.json' }] };
    const passed = judgeExpectation(documentWith(), expectationOf(schema, [shared]), [FAILOVER_SECONDS]);
    const failed = judgeExpectation(documentWith({ instanceFailoverSeconds: 41.2 }), expectationOf(schema, [shared]), [FAILOVER_SECONDS]);
    expect(passed.verdict).toBe('pass');
    expect(failed.failures).toEqual(['failover.instanceFailoverSeconds was 41.2, must be at most 30']);
  });

  it('judgeExpectation - an unresolvable reference gives no verdict and says why', () => {
    const schema = { $ref: 'https://mqchaos.dev/schemas/expectations/nowhere.schema.json' };
    const outcome = judgeExpectation(documentWith(), expectationOf(schema), []);
    expect(outcome.verdict).toBe('unknown');
    expect(outcome.failures).toEqual([]);
    expect(outcome.missing[0]).toMatch(/^the expectation could not be evaluated: .*nowhere\.schema\.json/);
  });

  it('judgeExpectation - a 2020-12 schema is judged with that dialect', () => {
    const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', ...withinThirtySeconds };
    const outcome = judgeExpectation(documentWith({ instanceFailoverSeconds: 41.2 }), expectationOf(schema), []);
    expect(outcome.verdict).toBe('fail');
  });
});

describe('mergeVerdicts', () => {
  it.each([
    { name: 'all passes make a pass', verdicts: ['pass', 'pass'], worst: 'pass' },
    { name: 'an unknown beats a pass', verdicts: ['pass', 'unknown'], worst: 'unknown' },
    { name: 'a fail beats an unknown', verdicts: ['unknown', 'fail', 'pass'], worst: 'fail' },
    { name: 'nothing judged is unknown', verdicts: [], worst: 'unknown' },
  ] as const)('mergeVerdicts - $name', ({ verdicts, worst }) => {
    expect(mergeVerdicts(verdicts)).toBe(worst);
  });
});
