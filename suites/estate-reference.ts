import { dirname, resolve } from 'node:path';
import { displayPath, placeIssue, type DefinitionError, type Issue } from './definition-error.ts';
import { checkEstateSource, collectEstateNames, compileEstate, findStrayListeners, findUndeclaredHosts, type EstateNames } from './estate-file.ts';
import { checkTopologySource, isBareTopologyName, listTopologyNames, locateTopology } from './lab-topology.ts';
import type { EstateSource } from './suite-model.ts';
import { describeUnparsed, readSource, type SourceDocument } from './yaml-source.ts';

/**
 * A suite's `estate:` — inline, an estate file, or a lab topology — checked far enough to
 * know which hosts and queue managers the scenarios may name. Errors inside an estate file
 * or topology are reported in that file; a file that cannot be read, at the suite's line.
 */
export interface EstateResolution {
  /** Names the scenarios may use; absent when the estate itself could not be read. */
  names?: EstateNames;
  /** Where the names come from, in words: "the inline estate", "estate file …", "lab topology …". */
  where: string;
  errors: DefinitionError[];
}

/** `cwd`: folder that file names in messages are shown relative to. */
export async function resolveEstateReference(suite: SourceDocument, topologiesDir: string, cwd: string): Promise<EstateResolution> {
  const estate = (suite.data as { estate?: unknown } | null)?.estate;
  if (estate === null || typeof estate !== 'object') return { where: 'the estate', errors: [] };
  const keys = Object.keys(estate);
  if (keys.length !== 1) return { where: 'the estate', errors: [] };
  const { inline, file, lab } = estate as { inline?: unknown; file?: unknown; lab?: unknown };
  if (keys[0] === 'inline') {
    const issues = [...findUndeclaredHosts(inline, '/estate/inline'), ...findStrayListeners(inline, '/estate/inline')];
    return { names: collectEstateNames(inline), where: 'the inline estate', errors: issues.map((issue) => placeIssue(suite, issue)) };
  }
  if (keys[0] === 'file' && typeof file === 'string') return resolveEstateFile(suite, resolve(dirname(suite.file), file), cwd);
  if (keys[0] === 'lab' && typeof lab === 'string') return resolveTopology(suite, lab, topologiesDir, cwd);
  return { where: 'the estate', errors: [] };
}

async function resolveEstateFile(suite: SourceDocument, path: string, cwd: string): Promise<EstateResolution> {
  const where = `estate file ${displayPath(path, cwd)}`;
  const read = await readSource(path);
  if (read.status === 'unreadable') {
    return { where, errors: [placeIssue(suite, unreadable('/estate/file', `cannot read ${where}: ${read.reason}`))] };
  }
  if (read.status === 'malformed') return { where, errors: describeUnparsed(path, read, 'estate file') };
  const loaded = checkEstateSource(read.source);
  return { names: collectEstateNames(read.source.data), where, errors: loaded.ok ? [] : loaded.errors };
}

async function resolveTopology(suite: SourceDocument, value: string, topologiesDir: string, cwd: string): Promise<EstateResolution> {
  const path = locateTopology(value, dirname(suite.file), topologiesDir);
  const where = `lab topology ${displayPath(path, cwd)}`;
  const read = await readSource(path);
  if (read.status === 'unreadable') {
    const known = isBareTopologyName(value) ? await listTopologyNames(topologiesDir) : [];
    const issue = unreadable('/estate/lab', `cannot read ${where}: ${read.reason}`);
    if (known.length > 0) issue.hint = `lab topologies: ${known.join(', ')}`;
    return { where, errors: [placeIssue(suite, issue)] };
  }
  if (read.status === 'malformed') return { where, errors: describeUnparsed(path, read, 'lab topology') };
  const checked = checkTopologySource(read.source);
  if (!checked.ok) return { where, errors: checked.issues.map((issue) => placeIssue(read.source, issue)) };
  return { names: checked.names, where, errors: [] };
}

function unreadable(pointer: string, message: string): Issue {
  return { code: 'MQC-SUITE-ESTATE', pointer, message };
}

/** The compiled estate source of a valid suite: paths made absolute, an inline estate compiled. */
export function compileEstateSource(suite: SourceDocument, topologiesDir: string): EstateSource {
  const estate = (suite.data as { estate: { inline?: unknown; file?: string; lab?: string } }).estate;
  const suiteDir = dirname(suite.file);
  if (estate.file !== undefined) return { kind: 'file', path: resolve(suiteDir, estate.file) };
  if (estate.lab !== undefined) return { kind: 'lab', topology: locateTopology(estate.lab, suiteDir, topologiesDir) };
  return { kind: 'inline', estate: compileEstate(estate.inline, suiteDir) };
}
