import { describe, expect, it } from 'vitest';
import { detectDialect, findKeywordProblems } from './expectation-keywords.ts';

describe('findKeywordProblems', () => {
  it('findKeywordProblems - an unknown keyword deep inside, with the keyword meant', () => {
    const schema = { properties: { failover: { allOf: [{ properties: { instanceFailoverSeconds: { maximun: 10 } } }] } } };
    expect(findKeywordProblems(schema, 'draft-07', '/scenarios/0/expect')).toEqual([
      {
        code: 'MQC-SUITE-EXPECT-SCHEMA',
        pointer: '/scenarios/0/expect/properties/failover/allOf/0/properties/instanceFailoverSeconds/maximun',
        at: 'key',
        message: 'unknown keyword "maximun": it would be ignored, so it could never fail',
        hint: 'did you mean "maximum"?',
      },
    ]);
  });

  it('findKeywordProblems - format would never be checked', () => {
    expect(findKeywordProblems({ properties: { faultAt: { format: 'date-time' } } }, 'draft-07').map((issue) => issue.message)).toEqual([
      '"format" is not checked by mqchaos (no format validators are loaded)',
    ]);
  });

  it('findKeywordProblems - a bad regular expression, in a pattern or a patternProperties key', () => {
    const issues = findKeywordProblems({ patternProperties: { '(': {} }, properties: { host: { pattern: '[a-' } } }, 'draft-07');
    expect(issues.map((issue) => [issue.pointer, issue.at])).toEqual([
      ['/properties/host/pattern', 'value'],
      ['/patternProperties/(', 'key'],
    ]);
    expect(issues[1]!.message).toMatch(/^invalid regular expression "\(": /);
  });

  it('findKeywordProblems - annotations, x- extensions and data values are left alone', () => {
    const schema = { title: 't', 'x-owner': 'sre', properties: { verdict: { const: { maximun: 1 }, examples: [{ nonsense: true }] } } };
    expect(findKeywordProblems(schema, 'draft-07')).toEqual([]);
  });

  it('findKeywordProblems - later-draft keywords belong to later dialects only', () => {
    const schema = { properties: { events: { prefixItems: [{ required: ['at'] }] } } };
    expect(findKeywordProblems(schema, '2020-12')).toEqual([]);
    expect(findKeywordProblems(schema, 'draft-07').map((issue) => issue.pointer)).toEqual(['/properties/events/prefixItems']);
  });
});

describe('detectDialect', () => {
  it('detectDialect - draft-07 by default; the three supported drafts by $schema; others unsupported', () => {
    expect(detectDialect({})).toBe('draft-07');
    expect(detectDialect({ $schema: 'http://json-schema.org/draft-07/schema#' })).toBe('draft-07');
    expect(detectDialect({ $schema: 'https://json-schema.org/draft/2019-09/schema' })).toBe('2019-09');
    expect(detectDialect({ $schema: 'https://json-schema.org/draft/2020-12/schema' })).toBe('2020-12');
    expect(detectDialect({ $schema: 'http://json-schema.org/draft-04/schema#' })).toBeUndefined();
  });
});
