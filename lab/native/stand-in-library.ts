import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder holding the lab's libmqm_r.so, for LD_LIBRARY_PATH. */
export const STAND_IN_LIBRARY_DIR = fileURLToPath(new URL('./build/', import.meta.url)).replace(/\/$/, '');

/**
 * Builds the stand-in MQ client library if its sources changed (make is a no-op otherwise)
 * and returns its folder, or the build's error output when it cannot be built (no C
 * compiler, no ibmmq headers).
 */
export function buildStandInLibrary(): { ok: true; libraryDir: string } | { ok: false; error: string } {
  const result = spawnSync('make', ['-s', '-C', fileURLToPath(new URL('.', import.meta.url))], { encoding: 'utf8', timeout: 120_000 });
  if (result.status === 0 && existsSync(`${STAND_IN_LIBRARY_DIR}/libmqm_r.so`)) return { ok: true, libraryDir: STAND_IN_LIBRARY_DIR };
  return { ok: false, error: (result.stderr || result.stdout || String(result.error ?? `make exited ${result.status}`)).trim() };
}
