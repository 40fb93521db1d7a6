import { makeCommandResult, type CommandHandler } from './command-types.ts';
import { runCommand } from './run-command.ts';

const UNIT_NAME = /^[A-Za-z0-9:_.\\-]{1,200}$/;
const SPAN = /^(\d+(?:\.\d+)?)(ms|s|sec|m|min)?$/;
const SPAN_MS: Record<string, number> = { ms: 1, s: 1000, sec: 1000, m: 60_000, min: 60_000 };
const FLAGS_ACCEPTED = new Set(['--collect', '-q', '--quiet', '--no-block']);

/**
 * `systemd-run --unit=NAME --on-active=SPAN [--timer-property=…] [--collect] [--quiet] CMD ARGS…`
 * as root: a transient timer unit NAME.timer that runs CMD once, as root, SPAN after now
 * (systemd.time spans: `30`, `30s`, `500ms`, `2min`). [U] The messages are systemd 249's:
 * on stderr `Running timer as unit: NAME.timer` and `Will run service as unit: NAME.service`;
 * a unit that exists already: exit 1 `Failed to start transient timer unit: Unit NAME.timer already exists.`
 */
export const runSystemdRun: CommandHandler = (args, { estate, host, user }) => {
  let unit: string | undefined;
  let delayMs: number | undefined;
  let index = 0;
  for (; index < args.length && args[index]!.startsWith('-'); index++) {
    const arg = args[index]!;
    const [option, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args[++index];
    if (option === '--') {
      index += 1;
      break;
    }
    if (option === '--unit' || option === '-u') unit = value();
    else if (option === '--on-active') {
      const span = SPAN.exec(value() ?? '');
      if (!span) return makeCommandResult([], 1, [`Failed to parse timer value: ${inline ?? ''}`]);
      delayMs = Number(span[1]) * SPAN_MS[span[2] ?? 's']!;
    } else if (option === '--timer-property') value();
    else if (!FLAGS_ACCEPTED.has(option)) return makeCommandResult([], 1, [`systemd-run: the lab knows no option ${option}`]);
  }
  const command = args.slice(index);
  if (unit === undefined || !UNIT_NAME.test(unit) || delayMs === undefined || command.length === 0) {
    return makeCommandResult([], 1, ['systemd-run: the lab runs only --unit=NAME --on-active=SPAN COMMAND…']);
  }
  if (user !== 'root') return makeCommandResult([], 1, ['Failed to start transient timer unit: Access denied']);
  const name = unit.replace(/\.(timer|service)$/, '');
  const commandLine = command.map(quoteWord).join(' ');
  const started = host.timers.start(`${name}.timer`, delayMs, commandLine, async () => {
    await runCommand(estate, { host: host.name, user: 'root', commandLine, parentPid: 1, by: `${name}.timer` });
  });
  if (!started) return makeCommandResult([], 1, [`Failed to start transient timer unit: Unit ${name}.timer already exists.`]);
  return makeCommandResult([], 0, [`Running timer as unit: ${name}.timer`, `Will run service as unit: ${name}.service`]);
};

function quoteWord(word: string): string {
  return /^[A-Za-z0-9_@%+:,./=-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
