import { heartbeat, sleep } from '@temporalio/activity';
import { readTrafficState, writeStopRequest } from './traffic-state.ts';

const POLL_MS = 100;

/** Asks the running traffic activity to stop its producers and drain (it sees the request within a tick). */
export async function requestTrafficStop(request: { scenarioDir: string }): Promise<void> {
  await writeStopRequest(request.scenarioDir);
}

/**
 * Waits until every traffic client is connected and the traffic runs, so the fault lands on
 * flowing traffic. Fails when the traffic activity failed or ended first, or after `timeoutMs`.
 */
export async function awaitTrafficRunning(request: { scenarioDir: string; timeoutMs: number }): Promise<void> {
  const deadline = Date.now() + request.timeoutMs;
  while (Date.now() < deadline) {
    const state = await readTrafficState(request.scenarioDir);
    if (state?.phase === 'running') return;
    if (state?.phase === 'failed') throw new Error(`the traffic could not start: ${state.error ?? 'unknown error'}`);
    if (state?.phase === 'ended' || state?.phase === 'stopping') throw new Error('the traffic ended before it was running');
    heartbeat();
    await sleep(POLL_MS);
  }
  throw new Error(`the traffic was not running within ${request.timeoutMs} ms`);
}
