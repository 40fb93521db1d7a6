export interface ParsedOptions {
  /** Flags in the order given, e.g. ['i', 's'] for `-is`. */
  flags: string[];
  /** Values of options that take one (`-m QM1` or `-mQM1`), every occurrence in order. */
  values: Map<string, string[]>;
  operands: string[];
}

export type OptionsOrError = { ok: true; options: ParsedOptions } | { ok: false; error: string };

/**
 * getopt-style parsing as the MQ control commands accept it: grouped flags (`-is`),
 * option values attached or separate, options before the operands.
 */
export function parseOptions(args: string[], spec: { flags: string; valued: string }): OptionsOrError {
  const options: ParsedOptions = { flags: [], values: new Map(), operands: [] };
  let index = 0;
  for (; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '--') {
      index += 1;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    for (let k = 1; k < arg.length; k++) {
      const letter = arg[k] as string;
      if (spec.valued.includes(letter)) {
        const value = k + 1 < arg.length ? arg.slice(k + 1) : args[++index];
        if (value === undefined) return { ok: false, error: `option -${letter} needs a value` };
        options.values.set(letter, [...(options.values.get(letter) ?? []), value]);
        break;
      }
      if (!spec.flags.includes(letter)) return { ok: false, error: `unknown option -${letter}` };
      options.flags.push(letter);
    }
  }
  options.operands = args.slice(index);
  return { ok: true, options };
}
