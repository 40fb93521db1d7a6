import { relative } from 'node:path';
import { EXIT_BAD_INPUT, UsageError } from './exit-codes.ts';
import { parseOptions } from './parse-options.ts';
import { loadSuiteOrReport } from './suite-input.ts';

/** `mqchaos validate <suite>...`: every error of every file, exit 2 if any; touches nothing. */
export async function validateCommand(args: string[]): Promise<number> {
  const { positionals } = parseOptions(args, {});
  if (positionals.length === 0) throw new UsageError('expected one or more suite files');
  let valid = true;
  for (const file of positionals) {
    const suite = await loadSuiteOrReport(file);
    if (!suite) {
      valid = false;
      continue;
    }
    const count = suite.scenarios.length;
    process.stdout.write(`${relative(process.cwd(), suite.file)}: valid (${count} scenario${count === 1 ? '' : 's'})\n`);
  }
  return valid ? 0 : EXIT_BAD_INPUT;
}
