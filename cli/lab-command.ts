import { join } from 'node:path';
import { labStatus, startLab, stopLab, topologyNameOf } from './lab-control.ts';
import { UsageError } from './exit-codes.ts';
import { parseOptions } from './parse-options.ts';
import { labStateDir, packageRoot } from './state-paths.ts';

const DEFAULT_TOPOLOGY = join(packageRoot, 'lab', 'topologies', 'demo.yaml');

/** `mqchaos lab up|down|status [--topology FILE]`: the embedded lab as a background process. */
export async function labCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { topology: { type: 'string' } });
  const [action] = positionals;
  const topologyFile = values.topology ?? DEFAULT_TOPOLOGY;
  let stateDirectory: string;
  try {
    stateDirectory = labStateDir(topologyNameOf(topologyFile));
  } catch (err) {
    throw new UsageError(`bad --topology: ${(err as Error).message}`);
  }
  switch (action) {
    case 'up': {
      const lab = await startLab({ topologyFile, stateDir: stateDirectory, detached: true });
      process.stdout.write(`Lab ${lab.reused ? 'already running' : 'up'} (pid ${lab.pid}).\n`);
      process.stdout.write(`Estate file: ${lab.estateFile}\nTruth log:   ${lab.truthLogFile}\n`);
      return 0;
    }
    case 'down': {
      const stopped = await stopLab(stateDirectory);
      process.stdout.write(stopped ? 'Lab stopped.\n' : 'No lab was running.\n');
      return 0;
    }
    case 'status': {
      const status = labStatus(stateDirectory);
      process.stdout.write(status ? `Lab running (pid ${status.pid}); estate file ${status.estateFile}\n` : 'No lab running.\n');
      return 0;
    }
    default:
      throw new UsageError('expected "lab up", "lab down" or "lab status"');
  }
}
