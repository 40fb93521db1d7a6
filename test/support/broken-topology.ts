import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { packageRoot } from '../../cli/state-paths.ts';

/**
 * The demo topology with one change: prerequisite breaks on one host (lab/conformance) or
 * attributes of one of QM1's queues. Written to a temporary file for startLab.
 */
export function writeBrokenDemoTopology(change: { breaks?: Record<string, string[]>; queues?: Record<string, unknown> }): string {
  const topology = parse(readFileSync(join(packageRoot, 'lab', 'topologies', 'demo.yaml'), 'utf8')) as Record<string, any>;
  topology.name = 'demo-broken';
  for (const [host, breaks] of Object.entries(change.breaks ?? {})) topology.hosts[host] = { ...topology.hosts[host], breaks };
  if (change.queues) topology.queueManagers.QM1.queues = { ...topology.queueManagers.QM1.queues, ...change.queues };
  const file = join(mkdtempSync(join(tmpdir(), 'mqchaos-topology-')), 'demo-broken.yaml');
  writeFileSync(file, stringify(topology));
  return file;
}
