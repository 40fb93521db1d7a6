import { analyzeCommand } from './analyze-command.ts';
import { checkCommand } from './check-command.ts';
import { EXIT_BAD_INPUT, EXIT_NO_VERDICT, UsageError } from './exit-codes.ts';
import { labCommand } from './lab-command.ts';
import { runCommand } from './run-command.ts';
import { scheduleCommand } from './schedule-command.ts';
import { serverCommand } from './server-command.ts';
import { setupCommand } from './setup-command.ts';
import { neutraliseControls } from './terminal-text.ts';
import { validateCommand } from './validate-command.ts';
import { workerCommand } from './worker-command.ts';

const USAGE = `mqchaos — chaos and conformance drills for IBM MQ high-availability estates

Usage:
  mqchaos run <suite.yaml> [--wait] [--run-id ID] [--task-queue Q] [--in-process-worker] [--keep-lab]
                           [--regression-window N] [--regression-margin P%]
      Run a suite. With TEMPORAL_ADDRESS set it submits to that cluster (workers from
      \`mqchaos worker\`); otherwise it starts an embedded dev server and worker.
      Figures worse than the median of the scenario's last N runs (default 5) by more
      than P% (default 25) are flagged in the summary and the runs index.
      One run per estate: while another run holds it, --wait waits, otherwise exit 2.
      Ctrl-C (or SIGTERM) cancels the run: recovery restores the estate and the report is
      written before it exits; a second Ctrl-C leaves at once (exit 3).
  mqchaos check <suite.yaml|estate.yaml> [--task-queue Q] [--in-process-worker] [--keep-lab]
      The conformance checks alone (HA prerequisites on every node), as a checklist;
      exit 0 all hold, 1 one failed, 4 one could not run. Changes nothing on the estate.
  mqchaos validate <suite.yaml>...     Check suites; touches nothing.
  mqchaos worker [--task-queue Q]      A standalone worker for a real cluster (TEMPORAL_ADDRESS).
  mqchaos analyze <run-dir> [--expect FILE]
      Judge a stored run again, offline, and rewrite its report; with --expect, judge every
      scenario against the expectation in FILE instead (the stored report is left as it is).
  mqchaos lab up [--topology FILE]     Start the embedded lab and write its estate file.
  mqchaos lab down [--topology FILE]   Stop it.
  mqchaos lab status [--topology FILE]
  mqchaos schedule create <suite.yaml> --id ID (--cron "0 3 * * *" | --every 6h)
  mqchaos schedule list | trigger ID | delete ID
      Scheduled resilience runs (Temporal schedules) on TEMPORAL_ADDRESS or on \`mqchaos server\`.
  mqchaos server                       The embedded Temporal server, Web UI and a worker, in the foreground.
  mqchaos setup                        Install what the project needs (the Temporal CLI).

Exit codes: 0 every expectation held, 1 an expectation failed, 2 bad input (nothing was
touched), 3 recovery failed (the estate may be left faulted), 4 no verdict could be reached
(an estate unreachable before the fault: nothing was injected; a measurement missing; an
error of the harness itself).`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  run: runCommand,
  check: checkCommand,
  schedule: scheduleCommand,
  validate: validateCommand,
  worker: workerCommand,
  analyze: analyzeCommand,
  lab: labCommand,
  server: serverCommand,
  setup: setupCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : EXIT_BAD_INPUT;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`mqchaos: unknown command "${name}" (known: ${Object.keys(COMMANDS).join(', ')})\n`);
    return EXIT_BAD_INPUT;
  }
  try {
    return await command(args);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`mqchaos ${name}: ${err.message}\n`);
      return EXIT_BAD_INPUT;
    }
    // A harness error is neither "an expectation failed" (1) nor a stack trace: its words, exit 4.
    const words = err instanceof Error ? err.message : String(err);
    process.stderr.write(`mqchaos ${name}: ${neutraliseControls(words)}\n`);
    process.stderr.write(`No verdict could be reached (exit ${EXIT_NO_VERDICT}).${process.env.MQCHAOS_DEBUG ? '' : ' MQCHAOS_DEBUG=1 shows where it came from.'}\n`);
    if (process.env.MQCHAOS_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return EXIT_NO_VERDICT;
  }
}
