import { ensureTemporalCli } from './temporal-cli.ts';
import { parseOptions } from './parse-options.ts';

/** `mqchaos setup`: installs what the runtime needs that npm does not (the Temporal CLI). */
export async function setupCommand(args: string[]): Promise<number> {
  const { values } = parseOptions(args, { 'print-temporal-cli': { type: 'boolean' } });
  const cli = ensureTemporalCli();
  if (values['print-temporal-cli']) process.stdout.write(`${cli}\n`);
  return 0;
}
