import { describe, expect, it } from 'vitest';
import { buildCatalog, readMeasurementCatalog } from './result-measurements.ts';

describe('readMeasurementCatalog', () => {
  const catalog = readMeasurementCatalog();

  it('readMeasurementCatalog - the failover measurements of the result schema', () => {
    expect(catalog.paths).toEqual(expect.arrayContaining(['failover', 'failover.instanceFailoverSeconds', 'failover.probeIntervalMs', 'verdict', 'events[].kind']));
    expect(catalog.isKnown(['failover', 'instanceFailoverSeconds'])).toBe(true);
    expect(catalog.isKnown(['failover', 'instanceFailoverSecs'])).toBe(false);
    expect(catalog.isKnown(['failovr'])).toBe(false);
  });

  it('readMeasurementCatalog - array items by index or any; free-form objects accept anything beneath', () => {
    expect(catalog.isKnown(['events', 3, 'at'])).toBe(true);
    expect(catalog.isKnown(['events', { each: 'item' }, 'kind'])).toBe(true);
    expect(catalog.isKnown(['events', 0, 'when'])).toBe(false);
    expect(catalog.isKnown(['fault', 'target', 'pid'])).toBe(true);
    expect(catalog.isKnown(['events', 0, 'detail', 'command', 'exitCode'])).toBe(true);
  });
});

describe('buildCatalog', () => {
  it('buildCatalog - maps with free keys, local $refs and anyOf branches', () => {
    const catalog = buildCatalog({
      properties: {
        queues: { type: 'object', additionalProperties: { $ref: '#/definitions/queue' } },
        peak: { anyOf: [{ type: 'null' }, { properties: { depth: { type: 'integer' } } }] },
      },
      definitions: { queue: { type: 'object', additionalProperties: false, properties: { peakDepth: { type: 'integer' } } } },
    });
    expect(catalog.paths).toEqual(['queues', 'queues.*', 'queues.*.peakDepth', 'peak', 'peak.depth']);
    expect(catalog.isKnown(['queues', 'APP.Q1', 'peakDepth'])).toBe(true);
    expect(catalog.isKnown(['queues', 'APP.Q1', 'depth'])).toBe(false);
    expect(catalog.isKnown(['peak', 'depth'])).toBe(true);
  });
});
