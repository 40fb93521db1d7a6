import { readFile } from 'node:fs/promises';
import { heartbeat, sleep } from '@temporalio/activity';
import type { HealthAttempt } from '../../checkers/health-attempts.ts';
import { healthFile } from '../../records/run-layout.ts';

const POLL_MS = 50;

/**
 * Waits until every named health probe has recorded an attempt, so the fault lands on probes
 * that are already running (an MQI probe first starts its own process). Fails after `timeoutMs`.
 */
export async function awaitHealthProbing(request: { scenarioDir: string; probes: string[]; timeoutMs: number }): Promise<void> {
  const deadline = Date.now() + request.timeoutMs;
  for (;;) {
    const probing = await readProbesWithAttempts(request.scenarioDir);
    const waiting = request.probes.filter((probe) => !probing.has(probe));
    if (waiting.length === 0) return;
    if (Date.now() >= deadline) throw new Error(`health probes ${waiting.join(', ')} made no attempt within ${request.timeoutMs} ms`);
    heartbeat();
    await sleep(POLL_MS);
  }
}

async function readProbesWithAttempts(scenarioDir: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(healthFile(scenarioDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw error;
  }
  // Whole lines only: the last one may still be being written.
  return new Set(text.split('\n').slice(0, -1).map((line) => (JSON.parse(line) as HealthAttempt).probe));
}
