import { expect } from 'vitest';
import type { MessageCounts } from '../../checkers/message-accounting.ts';
import type { ScenarioResult } from '../../checkers/result-document.ts';

/** Every put attempt has one outcome, and every message received is accounted for. */
export function expectBalanced(counts: MessageCounts): void {
  expect(counts.sent).toBe(counts.confirmed + counts.failed + counts.inDoubt);
  expect(counts.received).toBe(counts.confirmed - counts.lost! + counts.recovered + counts.unexpected);
}

/**
 * The accounting after a failover under reconnecting traffic: drained and complete, no
 * persistent message lost, duplicated, corrupt or unexpected, traffic before and after the
 * fault, both classes balanced. Returns the two classes for comparison with the truth.
 */
export function expectSoundPersistentAccounting(scenario: ScenarioResult) {
  const messages = scenario.messages!;
  expect(messages.drain.complete).toBe(true);
  expect(messages.recordsComplete).toBe(true);
  const persistent = messages.persistent!;
  const nonPersistent = messages.nonPersistent!;
  expect(persistent).toMatchObject({ lost: 0, duplicated: 0, corrupt: 0, unexpected: 0 });
  expect(persistent.phases.before.sent).toBeGreaterThan(0);
  expect(persistent.phases.after.sent).toBeGreaterThan(0);
  expectBalanced(persistent);
  expectBalanced(nonPersistent);
  return { persistent, nonPersistent };
}
