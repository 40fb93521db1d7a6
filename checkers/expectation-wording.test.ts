import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { describeValue, wordFailure } from './expectation-wording.ts';

const document = { recovery: { ok: false, actions: [] }, failover: { newActiveHost: null } };

function errorOf(keyword: string, instancePath: string, params: Record<string, unknown>): ErrorObject {
  return { keyword, instancePath, schemaPath: `#/${keyword}`, params };
}

describe('wordFailure', () => {
  it('wordFailure - a required property reads as absent', () => {
    expect(wordFailure(errorOf('required', '/recovery', { missingProperty: 'error' }), document)).toBe(
      'recovery.error is absent, must be present',
    );
  });

  it('wordFailure - a required property of the whole document names only the property', () => {
    expect(wordFailure(errorOf('required', '', { missingProperty: 'messages' }), document)).toBe(
      'messages is absent, must be present',
    );
  });

  it('wordFailure - an unexpected property reads as present', () => {
    expect(wordFailure(errorOf('additionalProperties', '/recovery', { additionalProperty: 'extra' }), document)).toBe(
      'recovery.extra is present, must not be',
    );
  });

  it('wordFailure - an unknown keyword without a message names the rule', () => {
    expect(wordFailure(errorOf('x-custom', '/recovery/ok', {}), document)).toBe(
      'recovery.ok was false, must satisfy the rule "x-custom"',
    );
  });
});

describe('describeValue', () => {
  it.each([
    { name: 'a number is bare', value: 41.2, words: '41.2' },
    { name: 'a string is quoted', value: 'mq2', words: '"mq2"' },
    { name: 'null is null', value: null, words: 'null' },
    { name: 'nothing is absent', value: undefined, words: 'absent' },
    { name: 'a long structure is cut short', value: { text: 'x'.repeat(100) }, words: `{"text":"${'x'.repeat(68)}...` },
  ])('describeValue - $name', ({ value, words }) => {
    expect(describeValue(value)).toBe(words);
  });
});
