import { waitForTruth } from './mqchaos-process.ts';

/**
 * Waits until the lab has finished starting on `hosts`: each one's instance active and its
 * listener opened after that (the lab reports ready once instances are active; listeners
 * open a moment later). Tests that check the truth log for changes start after this.
 */
export async function awaitListenersOpen(truthLogFile: string, hosts: readonly string[]): Promise<void> {
  for (const host of hosts) {
    // The truth log is written as events happen: the file may lag the lab's ready signal.
    const active = await waitForTruth(() => truthLogFile, (e) => e.event === 'instance-state' && e.host === host && e.to === 'active', { fromMs: 0, timeoutMs: 30_000 });
    await waitForTruth(() => truthLogFile, (e) => e.event === 'mq-listener' && e.host === host && e.listening, { fromMs: active.t, timeoutMs: 30_000 });
  }
}
