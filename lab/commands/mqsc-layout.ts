/**
 * The layout of runmqsc's output (mq-reference.md §2.1): the banner and the queue manager
 * line followed by two blank lines, each command echoed with its number right-aligned in six
 * characters, attribute lines indented by three spaces in two columns (the second at column
 * 43; an attribute of 38 characters or more takes a line of its own), and the three-line
 * footer. [U] The banner year is the build year; the lab shows 2025.
 */
export const RUNMQSC_BANNER = '5724-H72 (C) Copyright IBM Corp. 1994, 2025.';

const INDENT = '   ';
const FIRST_COLUMN_CHARS = 40;
const ALONE_FROM_CHARS = 38;

export function formatRunmqscHeader(queueManager: string): string[] {
  return [RUNMQSC_BANNER, `Starting MQSC for queue manager ${queueManager}.`, '', ''];
}

export function formatEcho(commandNumber: number, text: string): string {
  return `${String(commandNumber).padStart(6)} : ${text}`;
}

/** `KEYWORD(value)` items, two to a line. */
export function formatAttributeLines(attributes: readonly string[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < attributes.length; i++) {
    const first = attributes[i]!;
    const second = attributes[i + 1];
    if (first.length < ALONE_FROM_CHARS && second !== undefined && second.length < ALONE_FROM_CHARS) {
      lines.push(`${INDENT}${first.padEnd(FIRST_COLUMN_CHARS)}${second}`);
      i += 1;
    } else {
      lines.push(`${INDENT}${first}`);
    }
  }
  return lines;
}

export function formatRunmqscFooter(commandsRead: number, syntaxErrors: number, notProcessed: number): string[] {
  const read = commandsRead === 0 ? 'No MQSC commands read.' : commandsRead === 1 ? 'One MQSC command read.' : `${commandsRead} MQSC commands read.`;
  const syntax =
    syntaxErrors === 0 ? 'No commands have a syntax error.' : syntaxErrors === 1 ? 'One command has a syntax error.' : `${syntaxErrors} commands have a syntax error.`;
  const processed =
    notProcessed === 0
      ? 'All valid MQSC commands were processed.'
      : notProcessed === 1
        ? 'One valid MQSC command could not be processed.'
        : `${notProcessed} valid MQSC commands could not be processed.`;
  return [read, syntax, processed];
}
