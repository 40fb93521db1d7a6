/** The `stat -L -c` format the conformance checks use: owner, group, octal mode, type, name. */
export const STAT_FORMAT = '%U:%G:%a:%F:%n';

export interface StatLine {
  owner: string;
  group: string;
  /** Octal permission bits as printed (2775). */
  mode: string;
  type: string;
  path: string;
}

/** Lines of `stat -L -c '%U:%G:%a:%F:%n' PATH...` (the name last, so it may hold colons). */
export function parseStatLines(stdout: string): StatLine[] {
  const lines: StatLine[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^([^:]+):([^:]+):([0-7]{1,4}):([^:]+):(.+)$/.exec(line.trim());
    if (match) lines.push({ owner: match[1]!, group: match[2]!, mode: match[3]!, type: match[4]!, path: match[5]! });
  }
  return lines;
}

/** Whether an octal mode lets the group write (020). */
export function isGroupWritable(mode: string): boolean {
  return (Number.parseInt(mode, 8) & 0o020) !== 0;
}
