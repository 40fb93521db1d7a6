import type { HostSpec } from '../../suites/suite-model.ts';
import type { FaultContext } from './fault-module.ts';
import { asRoot } from './nfs-path-cut.ts';

const COMMAND_TIMEOUT_MS = 15_000;
/** systemd-run not installed (sh's 127), or systemd not running as init (its own exit 1 with this text). */
const NO_SYSTEMD = /not found|System has not been booted with systemd|Failed to connect to bus/i;

/**
 * The dead-man restore: a heal the host runs by itself at a deadline, installed with the
 * fault, so that a fault outlives no lost harness. It is a transient systemd timer unit
 * (`systemd-run --on-active`), named after the run and scenario, that runs one command as
 * root; mqchaos's own restore stops it (`systemctl stop <unit>.timer`). A host without
 * systemd gets no timed heal: that is recorded, and the fault goes ahead.
 */
export async function installTimedHeal(
  ctx: FaultContext,
  host: HostSpec,
  sudo: boolean,
  unit: string,
  afterMs: number,
  heal: string[],
): Promise<{ installed: true } | { installed: false; why: string }> {
  const seconds = Math.max(1, Math.ceil(afterMs / 1000));
  const argv = asRoot(sudo, ['systemd-run', '--unit', unit, '--on-active', `${seconds}s`, '--collect', ...heal]);
  const result = await ctx.ssh.run(host, argv, { timeoutMs: COMMAND_TIMEOUT_MS });
  if (result.exitCode === 0) return { installed: true };
  const said = (result.stderr || result.stdout).trim();
  if (result.exitCode === 127 || NO_SYSTEMD.test(said)) return { installed: false, why: `no systemd-run on ${host.name} (${said || `exit ${result.exitCode}`})` };
  throw new Error(`systemd-run on ${host.name} failed with exit ${result.exitCode}: ${said}`);
}

/** Stops timed heals before they fire; one that fired already (or never was) is fine. Returns the actions in words. */
export async function cancelTimedHeals(ctx: FaultContext, host: HostSpec, sudo: boolean, units: readonly string[]): Promise<string[]> {
  if (units.length === 0) return [];
  const timers = units.map((unit) => `${unit}.timer`);
  const result = await ctx.ssh.runChecked(host, asRoot(sudo, ['systemctl', 'stop', ...timers]), { timeoutMs: COMMAND_TIMEOUT_MS, acceptedExitCodes: [0, 5] });
  const gone = result.exitCode === 5 ? ' (not all loaded: fired or stopped already)' : '';
  return [`systemctl stop ${timers.join(' ')} on ${host.name}${gone}`];
}

/** The unit name of the n-th timed heal of a scenario: `mqchaos-heal-<run>-<scenario>-<n>`, in systemd's unit-name characters. */
export function timedHealUnit(runId: string, scenario: string, n: number): string {
  return `mqchaos-heal-${runId}-${scenario}-${n}`.replace(/[^A-Za-z0-9:_.-]/g, '_').slice(0, 200);
}
