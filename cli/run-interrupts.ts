import type { Client, WorkflowHandle } from '@temporalio/client';
import { progressQuery } from '../workflows/index.ts';
import type { ScenarioProgress } from '../records/run-contracts.ts';
import { EXIT_RECOVERY_FAILED } from './exit-codes.ts';

/**
 * What `mqchaos run` does on SIGINT/SIGTERM. The first one cancels the run: each scenario's
 * recovery restores the estate and the report is written, while the terminal says so and
 * how long it has waited; the run then ends with the exit code of what happened. A second
 * one says what is still unrestored and leaves at once with exit 3.
 */
export interface RunInterrupts {
  /** The run has started: a signal from now on cancels it. */
  attach(run: { client: Client; handle: WorkflowHandle; workflowId: string; scenarios: string[]; taskQueue: string }): void;
  /** A signal arrived before the run started: nothing was touched; stop starting it. */
  readonly beforeStart: boolean;
  /** Says how long recovery took, if the run was interrupted. */
  finished(): void;
  dispose(): void;
}

const TICK_MS = 5_000;

export function handleRunInterrupts(options: { leaveNow: (code: number) => Promise<never> }): RunInterrupts {
  let run: Parameters<RunInterrupts['attach']>[0] | undefined;
  let interruptedAt: number | null = null;
  let beforeStart = false;
  let ticker: NodeJS.Timeout | undefined;
  const seconds = () => ((Date.now() - (interruptedAt ?? Date.now())) / 1000).toFixed(0);

  const scenarioStates = async (): Promise<string[]> => {
    if (!run) return [];
    const states: string[] = [];
    for (const scenario of run.scenarios) {
      const child = run.client.workflow.getHandle(`${run.workflowId}/${scenario}`);
      try {
        const description = await withTimeout(child.describe(), 2_000);
        if (description.status.name !== 'RUNNING') continue;
        const progress = await withTimeout(child.query(progressQuery), 2_000).catch(() => null);
        states.push(describeScenario(scenario, progress as ScenarioProgress | null));
      } catch {
        // not started yet, or the server cannot say
      }
    }
    return states;
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (interruptedAt === null) {
      interruptedAt = Date.now();
      if (!run) {
        beforeStart = true;
        process.stderr.write(`\n${signal}: stopping before the run starts; nothing was touched.\n`);
        return;
      }
      process.stderr.write(
        `\n${signal}: cancelling run ${run.workflowId}. Waiting for its recovery to restore the estate and for the report ` +
          '(Ctrl-C again to leave now, with the estate as it is).\n',
      );
      void run.handle.cancel().catch((err: unknown) => process.stderr.write(`Could not cancel the run: ${(err as Error).message}\n`));
      ticker = setInterval(() => {
        void scenarioStates().then((states) =>
          process.stderr.write(`Still recovering after ${seconds()} s${states.length > 0 ? `: ${states.join('; ')}` : ''}\n`),
        );
      }, TICK_MS);
      return;
    }
    void (async () => {
      const states = await scenarioStates();
      process.stderr.write(`\n${signal} again: leaving after ${seconds()} s with recovery unfinished.\n`);
      if (states.length > 0) {
        process.stderr.write(`Still unrestored: ${states.join('; ')}.\n`);
      } else {
        process.stderr.write('No scenario reports an unfinished recovery, but its end was not seen: check the estate.\n');
      }
      if (run) {
        process.stderr.write(
          `The run stays open in Temporal as ${run.workflowId}; a worker on task queue "${run.taskQueue}" resumes its recovery ` +
            '(and records that it ran late). Check the estate before running again.\n',
        );
      }
      await options.leaveNow(EXIT_RECOVERY_FAILED);
    })();
  };

  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    attach: (started) => {
      run = started;
    },
    get beforeStart() {
      return beforeStart;
    },
    finished: () => {
      if (interruptedAt !== null && run) process.stderr.write(`Recovery and report finished ${seconds()} s after the interrupt.\n`);
    },
    dispose: () => {
      clearInterval(ticker);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

function describeScenario(scenario: string, progress: ScenarioProgress | null): string {
  if (!progress) return `scenario ${scenario} (state unknown)`;
  const fault = progress.faultInjected ? 'fault injected' : 'no fault injected yet';
  return `scenario ${scenario} (${fault}, phase ${progress.phase})`;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
