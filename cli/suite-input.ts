import { relative } from 'node:path';
import { formatDefinitionErrors, loadEstateFile, loadSuite } from '../suites/load-suite.ts';
import type { EstateSpec, SuiteDefinition } from '../suites/suite-model.ts';
import { startLab } from './lab-control.ts';

/** Loads and validates a suite; on errors prints every one of them and answers undefined. */
export async function loadSuiteOrReport(file: string): Promise<SuiteDefinition | undefined> {
  const loaded = await loadSuite(file);
  if (loaded.ok) return loaded.suite;
  process.stderr.write(`${formatDefinitionErrors(loaded.errors, { cwd: process.cwd() })}\n`);
  process.stderr.write(`${loaded.errors.length} error${loaded.errors.length === 1 ? '' : 's'} in ${relative(process.cwd(), file)}; nothing was run.\n`);
  return undefined;
}

export type ResolvedEstate =
  | { ok: true; estate: EstateSpec; release: () => Promise<void> }
  | { ok: false };

/**
 * The suite's estate as hosts and queue managers. A lab estate starts the embedded lab
 * (or reuses the one running) and reads the estate file it wrote; a lab this call
 * started is stopped again on release unless `keepLab`.
 */
export async function resolveEstate(suite: SuiteDefinition, options: { keepLab: boolean }): Promise<ResolvedEstate> {
  const source = suite.estate;
  if (source.kind === 'inline') return { ok: true, estate: source.estate, release: async () => {} };
  if (source.kind === 'file') return readEstate(source.path, async () => {});
  // A lab that must outlive this command (kept, or scheduled) is started detached from it.
  const lab = await startLab({ topologyFile: source.topology, detached: options.keepLab });
  process.stdout.write(`Lab ${lab.reused ? 'already running' : 'started'}: estate ${lab.estateFile}\n`);
  const release = lab.reused || options.keepLab ? async () => {} : () => lab.stop();
  const estate = await readEstate(lab.estateFile, release);
  if (!estate.ok) await release();
  return estate;
}

async function readEstate(file: string, release: () => Promise<void>): Promise<ResolvedEstate> {
  const loaded = await loadEstateFile(file);
  if (loaded.ok) return { ok: true, estate: loaded.estate, release };
  process.stderr.write(`${formatDefinitionErrors(loaded.errors, { cwd: process.cwd() })}\n`);
  return { ok: false };
}
