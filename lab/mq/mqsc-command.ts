/**
 * MQSC command text as runmqsc reads it: one command a line, `-` at the end of a line
 * continues it with the next line as written, `+` with the next line's first non-blank
 * character; lines starting with `*` are comments. A command is a verb, an object type
 * with the object's name in parentheses, then keywords, some with a value in parentheses.
 * Keywords are case-insensitive; an unquoted name is folded to upper case and a quoted one
 * ('...', with '' for a quote) is kept as written, as MQ does.
 */

export interface MqscCommand {
  /** The command as read (continuations joined), for the echo line. */
  text: string;
  /** Upper case as typed: DEFINE, DEF, DISPLAY, DIS, DELETE, END. */
  verb: string;
  /** Upper case as typed, e.g. QLOCAL or QL; absent for END. */
  objectType?: string;
  /** The object name, folded unless it was quoted. */
  name?: string;
  /** Further keywords in upper case, with their value; null for a keyword without one (REPLACE, ALL). */
  keywords: Map<string, string | null>;
}

/** Object types named by the queue manager itself: `DISPLAY QMGR`, `SUSPEND QMGR CLUSTER(x)`, `DISPLAY QMSTATUS`. */
const OBJECTS_WITHOUT_NAME = ['QMGR', 'QMSTATUS'];

export type MqscParse = { ok: true; command: MqscCommand } | { ok: false; text: string; segment: string };

/** Splits runmqsc input into command texts: continuations joined, blank and comment lines left out. */
export function splitMqscInput(input: string): string[] {
  const commands: string[] = [];
  let pending: { text: string; mode: '-' | '+' } | null = null;
  for (const raw of input.split(/\r?\n/)) {
    let line: string;
    if (pending) line = pending.text + (pending.mode === '+' ? raw.trimStart() : raw);
    else {
      line = raw.trim();
      if (line === '' || line.startsWith('*')) continue;
    }
    line = line.trimEnd();
    const last = line.at(-1);
    if (last === '-' || last === '+') {
      pending = { text: line.slice(0, -1), mode: last };
      continue;
    }
    pending = null;
    if (line !== '') commands.push(line);
  }
  if (pending && pending.text.trim() !== '') commands.push(pending.text.trimEnd());
  return commands;
}

interface Token {
  word: string;
  value: string | null;
  quoted: boolean;
  /** Where the token ends in the text (for the syntax-error segment). */
  end: number;
}

/** Parses one command; a malformed one gives the text up to where parsing stopped. */
export function parseMqscCommand(text: string): MqscParse {
  const tokens: Token[] = [];
  let at = 0;
  const fail = (): MqscParse => ({ ok: false, text, segment: text.slice(0, Math.min(text.length, at + 1)) });
  while (at < text.length) {
    while (text[at] === ' ' || text[at] === '\t' || text[at] === ',') at++;
    if (at >= text.length) break;
    const word = /^[A-Za-z0-9]+/.exec(text.slice(at))?.[0];
    if (!word) return fail();
    at += word.length;
    let scan = at;
    while (text[scan] === ' ') scan++;
    if (text[scan] !== '(') {
      tokens.push({ word: word.toUpperCase(), value: null, quoted: false, end: at });
      continue;
    }
    at = scan + 1;
    const value = readValue(text, at);
    if (!value) return fail();
    at = value.end;
    tokens.push({ word: word.toUpperCase(), value: value.text, quoted: value.quoted, end: at });
  }
  const [verb, object, ...rest] = tokens;
  if (!verb || verb.value !== null) return fail();
  const command: MqscCommand = { text, verb: verb.word, keywords: new Map() };
  if (object) {
    if (object.value === null && !OBJECTS_WITHOUT_NAME.includes(object.word)) return fail();
    command.objectType = object.word;
    if (object.value !== null) command.name = object.quoted ? object.value : object.value.trim().toUpperCase();
  }
  for (const token of rest) {
    if (command.keywords.has(token.word)) return { ok: false, text, segment: text.slice(0, token.end) };
    command.keywords.set(token.word, token.value === null ? null : token.quoted ? token.value : token.value.trim());
  }
  return { ok: true, command };
}

/** A parenthesised value starting after `(`: quoted ('it''s') or plain up to the matching `)`. */
function readValue(text: string, start: number): { text: string; quoted: boolean; end: number } | null {
  let at = start;
  while (text[at] === ' ') at++;
  if (text[at] === "'") {
    let value = '';
    for (at += 1; at < text.length; at++) {
      if (text[at] !== "'") value += text[at];
      else if (text[at + 1] === "'") value += text[++at];
      else break;
    }
    if (text[at] !== "'") return null;
    at += 1;
    while (text[at] === ' ') at++;
    return text[at] === ')' ? { text: value, quoted: true, end: at + 1 } : null;
  }
  let depth = 0;
  for (let end = start; end < text.length; end++) {
    if (text[end] === '(') depth++;
    else if (text[end] === ')') {
      if (depth === 0) return { text: text.slice(start, end), quoted: false, end: end + 1 };
      depth--;
    }
  }
  return null;
}

/** Whether `keyword` is `full` or one of its accepted abbreviations. */
export function isKeyword(keyword: string | undefined, full: string, ...abbreviations: string[]): boolean {
  return keyword === full || (keyword !== undefined && abbreviations.includes(keyword));
}
