/**
 * runmqsc output (mq-reference.md §2): the banner and `Starting MQSC for queue manager X.`,
 * each command echoed as `     N : text`, the command server's messages (`AMQnnnnX: text`,
 * 8.0 and earlier without the severity letter) with the attribute lines of a display (three
 * spaces of indent, `KEYWORD(value)` items two to a line, bare keywords such as CURRENT),
 * and the footer counting commands read, syntax errors and commands not processed. Lines
 * that are none of these continue the message before them (the segment after AMQ8405E).
 */

export interface MqscMessage {
  /** With its severity letter when printed: `AMQ8409I`. */
  id: string;
  text: string;
}

/** One object of a display: the message that heads it and its attributes. */
export interface MqscObject {
  id: string;
  /** Upper-case keyword to value; `( )` reads as the empty string. */
  attributes: Record<string, string>;
  /** Keywords printed without a value (CURRENT, NOTRIGGER, HARDENBO). */
  flags: string[];
}

export interface MqscResponse {
  /** The echo line's number and the command as runmqsc read it. */
  number: number;
  command: string;
  messages: MqscMessage[];
  objects: MqscObject[];
}

export interface RunmqscFooter {
  commandsRead: number;
  syntaxErrors: number;
  notProcessed: number;
}

export interface RunmqscOutput {
  queueManager: string | null;
  /** Messages before the first echo line: AMQ8146E when the queue manager is not available, or every reply of `runmqsc -e`. */
  messages: MqscMessage[];
  /** Display objects before the first echo line (`runmqsc -e`). */
  objects: MqscObject[];
  responses: MqscResponse[];
  /** Null when the output ends before its footer. */
  footer: RunmqscFooter | null;
}

const STARTING = /^Starting MQSC for queue manager (.+)\.$/;
const ECHO = /^\s*(\d+) : (.*)$/;
const MESSAGE = /^(AMQ\d{4,5}[A-Z]?): (.*)$/;
const READ = /^(No|One|\d+) MQSC commands? read\.$/;
const SYNTAX = /^(No|One|\d+) commands? (?:have|has) a syntax error\.$/;
const PROCESSED = /^(All valid MQSC commands were processed|(One|\d+) valid MQSC commands? could not be processed)\.$/;

export function parseRunmqscOutput(text: string): RunmqscOutput {
  const output: RunmqscOutput = { queueManager: null, messages: [], objects: [], responses: [], footer: null };
  const footer: Partial<RunmqscFooter> = {};
  let replies: { messages: MqscMessage[]; objects: MqscObject[] } = output;
  let lastMessage: MqscMessage | null = null;
  let lastObject: MqscObject | null = null;

  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('5724-H72 ')) continue;
    const starting = STARTING.exec(line);
    const echo = ECHO.exec(line);
    const message = MESSAGE.exec(line);
    if (starting) output.queueManager = starting[1]!;
    else if (echo) {
      const response: MqscResponse = { number: Number(echo[1]), command: echo[2]!, messages: [], objects: [] };
      output.responses.push(response);
      replies = response;
      lastMessage = lastObject = null;
    } else if (message) {
      lastMessage = { id: message[1]!, text: message[2]! };
      replies.messages.push(lastMessage);
      lastObject = null;
    } else if (READ.test(line)) footer.commandsRead = countOf(READ.exec(line)![1]!);
    else if (SYNTAX.test(line)) footer.syntaxErrors = countOf(SYNTAX.exec(line)![1]!);
    else if (PROCESSED.test(line)) footer.notProcessed = countOf(PROCESSED.exec(line)![2] ?? 'No');
    else if (/^\s/.test(line) && lastMessage) {
      if (!lastObject) {
        lastObject = { id: lastMessage.id, attributes: {}, flags: [] };
        replies.objects.push(lastObject);
      }
      readAttributes(line, lastObject);
    } else if (lastMessage) lastMessage.text += `\n${line}`;
  }
  if (footer.commandsRead !== undefined && footer.syntaxErrors !== undefined && footer.notProcessed !== undefined) {
    output.footer = footer as RunmqscFooter;
  }
  return output;
}

function countOf(word: string): number {
  return word === 'No' ? 0 : word === 'One' ? 1 : Number(word);
}

/** `KEYWORD(value)` items (values may nest parentheses, as CONNAME lists do) and bare keywords. */
function readAttributes(line: string, into: MqscObject): void {
  let at = 0;
  while (at < line.length) {
    while (line[at] === ' ') at++;
    const keyword = /^[A-Z0-9]+/.exec(line.slice(at))?.[0];
    if (!keyword) return;
    at += keyword.length;
    if (line[at] !== '(') {
      into.flags.push(keyword);
      continue;
    }
    let depth = 0;
    let end = at;
    for (; end < line.length; end++) {
      if (line[end] === '(') depth++;
      else if (line[end] === ')' && --depth === 0) break;
    }
    into.attributes[keyword] = line.slice(at + 1, end).trim();
    at = end + 1;
  }
}
