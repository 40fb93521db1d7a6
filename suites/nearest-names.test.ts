import { describe, expect, it } from 'vitest';
import { countEdits, findLikelyMeant, findNearestNames } from './nearest-names.ts';

describe('nearest-names', () => {
  it('countEdits - insertions, deletions and substitutions', () => {
    expect(countEdits('kil-active', 'kill-active')).toBe(1);
    expect(countEdits('maximun', 'maximum')).toBe(1);
    expect(countEdits('', 'abc')).toBe(3);
    expect(countEdits('same', 'same')).toBe(0);
  });

  it('findNearestNames - closest first, ties alphabetical, at most the limit', () => {
    expect(findNearestNames('failover.instanceFailoverSecs', ['verdict', 'failover.instanceFailoverSeconds', 'failover.faultAt'], { limit: 2 })).toEqual([
      'failover.instanceFailoverSeconds',
      'failover.faultAt',
    ]);
  });

  it('findLikelyMeant - only a plausible typo, ignoring case', () => {
    expect(findLikelyMeant('Observe', ['observe', 'expect'])).toBe('observe');
    expect(findLikelyMeant('banana', ['observe', 'expect'])).toBeUndefined();
  });
});
