export type ShellWords = { ok: true; words: string[] } | { ok: false; error: string };

/** Operators the lab's shell refuses: it runs exactly one simple command per exec. */
const OPERATOR_CHARS = new Set([';', '|', '&', '<', '>', '`', '(', ')']);

/**
 * Splits a command line as sh does for a simple command: blanks separate words, single
 * quotes keep everything, double quotes keep everything but \\ before $ ` " \\, a
 * backslash outside quotes keeps the next character, # at the start of a word begins a
 * comment. Lists, pipelines, redirections and command substitution are refused with
 * dash's syntax-error wording (the caller prefixes `sh: 1: `).
 */
export function splitShellWords(line: string): ShellWords {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const unexpected = (token: string): ShellWords => ({ ok: false, error: `Syntax error: "${token}" unexpected` });
  while (i < line.length) {
    const c = line[i] as string;
    if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i += 1;
    } else if (c === '#' && !inWord) {
      break;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: 'Syntax error: Unterminated quoted string' };
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i += 1;
      for (;;) {
        if (i >= line.length) return { ok: false, error: 'Syntax error: Unterminated quoted string' };
        const d = line[i] as string;
        if (d === '"') break;
        if (d === '`') return unexpected('`');
        if (d === '$' && line[i + 1] === '(') return unexpected('(');
        if (d === '\\' && i + 1 < line.length && '$`"\\\n'.includes(line[i + 1] as string)) {
          word += line[i + 1];
          i += 2;
          continue;
        }
        word += d;
        i += 1;
      }
      inWord = true;
      i += 1;
    } else if (c === '\\') {
      if (i + 1 < line.length) word += line[i + 1];
      inWord = true;
      i += 2;
    } else if (c === '$' && line[i + 1] === '(') {
      return unexpected('(');
    } else if (OPERATOR_CHARS.has(c)) {
      const doubled = (c === '&' || c === '|' || c === ';') && line[i + 1] === c;
      return unexpected(doubled ? c + c : c);
    } else {
      word += c;
      inWord = true;
      i += 1;
    }
  }
  if (inWord) words.push(word);
  return { ok: true, words };
}
