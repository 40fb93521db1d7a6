/**
 * Text conventions shared by the lab's MQ control commands. MQ word-wraps its messages so
 * that no line exceeds 79 characters: the 9.3.1 transcript breaks the standby message
 * after "instance" for QM1 and the 9.1 one after "active" for PSAP.
 */
export const MQ_MESSAGE_WIDTH = 79;

export function wrapMqMessage(text: string, widthChars: number = MQ_MESSAGE_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= widthChars) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Unknown or malformed queue-manager name. [U] IBM's number for this case; 72 is "queue manager name error". */
export const UNKNOWN_QM_TEXT = 'AMQ7048E: The queue manager name is either not valid or not known.';
export const UNKNOWN_QM_EXIT_CODE = 72;

/** [U] Exit code of an MQ control command given options it does not accept. */
export const USAGE_EXIT_CODE = 20;

/** Whether `version` (e.g. 9.3.1.0) is at least `minimum`, comparing V.R.M.F numerically. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}
