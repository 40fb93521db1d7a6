/**
 * `iptables -S` output: `-P CHAIN POLICY` lines, then one `-A CHAIN ...` line per rule, in
 * the iptables-save syntax (a comment with characters outside [A-Za-z0-9_-] is double-quoted
 * with \\ before " \\ and '). Each rule is kept as the argument list that `iptables -D`
 * takes to delete exactly that rule.
 */
export interface IptablesRule {
  chain: string;
  /** The rule specification after the chain, unquoted: `['-d', '10.0.0.5/32', '-p', 'tcp', ...]`. */
  spec: string[];
  /** `-d`, when present. */
  destination?: string;
  /** `--comment`, when present. */
  comment?: string;
  /** The line as printed. */
  line: string;
}

export function parseIptablesRules(stdout: string): IptablesRule[] {
  const rules: IptablesRule[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('-A ')) continue;
    const [, chain, ...spec] = splitSaveWords(line);
    const rule: IptablesRule = { chain: chain ?? '', spec, line };
    const valueOf = (option: string): string | undefined => {
      const index = spec.indexOf(option);
      return index >= 0 ? spec[index + 1] : undefined;
    };
    const destination = valueOf('-d');
    const comment = valueOf('--comment');
    if (destination !== undefined) rule.destination = destination;
    if (comment !== undefined) rule.comment = comment;
    rules.push(rule);
  }
  return rules;
}

/** A host address in the /32 form iptables prints. */
export function toHostCidr(address: string): string {
  return address.includes('/') ? address : `${address}/32`;
}

function splitSaveWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (c === '"') {
      inWord = true;
      for (i += 1; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === '\\' && i + 1 < line.length) i += 1;
        word += line[i];
      }
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
