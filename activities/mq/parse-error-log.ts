/**
 * Entries of a queue manager's error log (AMQERR01.LOG) as MQ 9.x writes them: a header
 * line `MM/DD/YYYY hh:mm:ss AM - Process(pid.tid) User(..) Program(..)`, indented
 * `Host(..) Installation(..)`, `VRMF(..) QMgr(..)`, `Time(<ISO instant>)` and insert
 * lines, a blank line, the message (`AMQnnnnX: text`, wrapped), EXPLANATION, ACTION and a
 * `----- file.c : line ---` separator. Only what a checker needs is kept.
 */
export interface ErrorLogEntry {
  /** ISO instant from `Time(...)`; null for logs from before MQ 9 that lack it. */
  at: string | null;
  host: string | null;
  queueManager: string | null;
  program: string | null;
  /** With its severity letter: `AMQ7279E`. */
  messageId: string;
  /** The message text, unwrapped. */
  message: string;
}

const HEADER = /^\d{2}\/\d{2}\/\d{2,4} +\d{1,2}:\d{2}:\d{2}(?: [AP]M)? - Process\(/;
const MESSAGE = /^(AMQ\d{4,5}[A-Z]?): (.*)$/;

export function parseErrorLog(text: string): ErrorLogEntry[] {
  const entries: ErrorLogEntry[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!HEADER.test(lines[i]!)) continue;
    const head: string[] = [lines[i]!];
    for (i += 1; i < lines.length && lines[i]!.trim() !== '' && !MESSAGE.test(lines[i]!); i++) head.push(lines[i]!);
    while (i < lines.length && lines[i]!.trim() === '') i++;
    const first = MESSAGE.exec(lines[i] ?? '');
    if (!first) continue;
    const text = [first[2]!];
    for (i += 1; i < lines.length && lines[i]!.trim() !== '' && !lines[i]!.startsWith('EXPLANATION:'); i++) text.push(lines[i]!.trim());
    const field = (name: string): string | null => new RegExp(`\\b${name}\\(([^)]*)\\)`).exec(head.join(' '))?.[1] ?? null;
    entries.push({
      at: field('Time'),
      host: field('Host'),
      queueManager: field('QMgr'),
      program: field('Program'),
      messageId: first[1]!,
      message: text.join(' '),
    });
  }
  return entries;
}

/** Lock-loss signatures of a multi-instance queue manager: AMQ7279 (lost data lock) and AMQ7280 (unresponsive). */
export function isLockLossEntry(entry: ErrorLogEntry): boolean {
  return /^AMQ72(79|80)/.test(entry.messageId);
}
