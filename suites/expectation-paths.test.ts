import { describe, expect, it } from 'vitest';
import { collectConstraints, constrainedPaths, formatPathSteps } from './expectation-paths.ts';

const shared = {
  $id: 'file:///suites/expectations/failover.json',
  definitions: {
    quick: { properties: { failover: { properties: { instanceFailoverSeconds: { maximum: 10 } } } } },
    clean: { $ref: 'recovery.json' },
  },
};
const recovery = { $id: 'file:///suites/expectations/recovery.json', properties: { recovery: { required: ['ok'] } } };

describe('constrainedPaths', () => {
  const cases: [string, unknown, unknown[], string[]][] = [
    ['nested properties with an assertion', { properties: { failover: { properties: { instanceFailoverSeconds: { maximum: 10 } } } } }, [], ['failover.instanceFailoverSeconds']],
    ['an object with its own assertion is a measurement too', { properties: { failover: { type: 'object', properties: { newActiveHost: { const: 'mq2' } } } } }, [], ['failover', 'failover.newActiveHost']],
    ['required names measurements', { required: ['verdict'], properties: { failover: { required: ['faultAt', 'newInstanceActiveAt'] } } }, [], ['failover.faultAt', 'failover.newInstanceActiveAt', 'verdict']],
    ['a property without assertions constrains nothing', { properties: { failover: { description: 'just words' }, verdict: true } }, [], []],
    ['combinators and conditionals look at the same place', { allOf: [{ properties: { verdict: { enum: ['pass'] } } }], not: { properties: { harnessStatus: { const: 'failed' } } } }, [], ['verdict', 'harnessStatus']],
    ['a local $ref is followed', { properties: { failover: { $ref: '#/definitions/f' } }, definitions: { f: { properties: { probeIntervalMs: { maximum: 250 } } } } }, [], ['failover.probeIntervalMs']],
    ['a $ref into a shared schema, and on from there by relative $ref', { allOf: [{ $ref: `${shared.$id}#/definitions/quick` }, { $ref: `${shared.$id}#/definitions/clean` }] }, [shared, recovery], ['failover.instanceFailoverSeconds', 'recovery.ok']],
    ['constraints on every item need the array itself', { properties: { events: { items: { properties: { kind: { const: 'error' } } } } } }, [], ['events']],
    ['a fixed index is kept', { properties: { events: { items: [{ required: ['at'] }] } } }, [], ['events[0].at']],
    ['an unresolvable $ref is skipped', { properties: { failover: { $ref: 'file:///nowhere.json' } } }, [], []],
    ['a recursive $ref ends', { $ref: '#/definitions/loop', definitions: { loop: { properties: { a: { $ref: '#/definitions/loop', minimum: 1 } } } } }, [], expect.arrayContaining(['a', 'a.a']) as unknown as string[]],
  ];
  it.each(cases)('constrainedPaths - %s', (_, schema, schemas, paths) => {
    expect(constrainedPaths(schema, schemas)).toEqual(paths);
  });

  it('constrainedPaths - accepts a compiled ExpectationSpec', () => {
    const spec = { schema: { $ref: `${shared.$id}#/definitions/quick` }, schemas: [shared], source: 'suites/x.yaml:3' };
    expect(constrainedPaths(spec)).toEqual(['failover.instanceFailoverSeconds']);
  });
});

describe('collectConstraints', () => {
  it('collectConstraints - says where each measurement is named, in which schema', () => {
    const constraints = collectConstraints({ allOf: [{ $ref: `${shared.$id}#/definitions/quick` }, { required: ['verdict'] }] }, [shared]);
    expect(constraints).toEqual([
      {
        steps: ['failover', 'instanceFailoverSeconds'],
        path: 'failover.instanceFailoverSeconds',
        schemaId: 'file:///suites/expectations/failover.json',
        pointer: '/definitions/quick/properties/failover/properties/instanceFailoverSeconds',
      },
      { steps: ['verdict'], path: 'verdict', pointer: '/allOf/1/required/0' },
    ]);
  });

  it('collectConstraints - paths through arrays and maps stay open', () => {
    const schema = {
      properties: {
        events: { items: { properties: { kind: { const: 'error' } } } },
        queues: { additionalProperties: { properties: { peakDepth: { maximum: 5000 } } } },
      },
    };
    expect(collectConstraints(schema).map((constraint) => constraint.path)).toEqual(['events[].kind', 'queues.*.peakDepth']);
  });
});

describe('formatPathSteps', () => {
  it('formatPathSteps - names, indices and open steps', () => {
    expect(formatPathSteps(['events', 2, 'at'])).toBe('events[2].at');
    expect(formatPathSteps([{ each: 'value' }, 'x'])).toBe('*.x');
    expect(formatPathSteps([])).toBe('');
  });
});
