import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (where package.json lives), whatever the working directory. */
export const packageRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * Mutable state that must survive restarts (Temporal's SQLite file, lab host keys, truth
 * logs): `$MQCHAOS_STATE_DIR`, else `$XDG_STATE_HOME/mqchaos`, else `~/.local/state/mqchaos`.
 */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MQCHAOS_STATE_DIR) return resolve(env.MQCHAOS_STATE_DIR);
  const xdg = env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
  return join(xdg, 'mqchaos');
}

/** Downloaded tools (the Temporal CLI): `$MQCHAOS_CACHE_DIR`, else `$XDG_CACHE_HOME/mqchaos`, else `~/.cache/mqchaos`. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MQCHAOS_CACHE_DIR) return resolve(env.MQCHAOS_CACHE_DIR);
  const xdg = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(xdg, 'mqchaos');
}

/** State folder of one lab, keyed by its topology name. */
export function labStateDir(topologyName: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(stateDir(env), 'lab', topologyName);
}

/** Where run artifacts and reports go: `reports/out/<run-id>/` under the working directory. */
export function runsDir(cwd: string = process.cwd()): string {
  return join(cwd, 'reports', 'out');
}
