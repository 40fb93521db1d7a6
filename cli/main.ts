import { analyzeCommand } from './analyze-command.ts';
import { checkCommand } from './check-command.ts';
import { EXIT_BAD_INPUT, UsageError } from './exit-codes.ts';
import { labCommand } from './lab-command.ts';
import { runCommand } from './run-command.ts';
import { scheduleCommand } from './schedule-command.ts';
import { serverCommand } from './server-command.ts';
import { setupCommand } from './setup-command.ts';
import { validateCommand } from './validate-command.ts';
import { workerCommand } from './worker-command.ts';

const USAGE = `mqchaos — chaos and conformance drills for IBM MQ high-availability estates

Usage:
  mqchaos run <suite.yaml> [--task-queue Q] [--in-process-worker] [--keep-lab]
      Run a suite. With TEMPORAL_ADDRESS set it submits to that cluster (workers from
      \`mqchaos worker\`); otherwise it starts an embedded dev server and worker.
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
touched), 3 recovery failed (the estate may be left faulted), 4 no verdict could be reached.`;

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
    throw err;
  }
}
