/** One account as coreutils `id USER` prints it: `uid=501(mqm) gid=501(mqm) groups=501(mqm),1001(app)`. */
export interface IdOutput {
  uid: number;
  user: string;
  gid: number;
  group: string;
  groups: Array<{ gid: number; name: string }>;
}

const ID_LINE = /^uid=(\d+)\(([^)]*)\) gid=(\d+)\(([^)]*)\)(?: groups=(.*))?$/;

/** Null when the output is not an `id` line (an unknown user prints to standard error only). */
export function parseId(stdout: string): IdOutput | null {
  const match = ID_LINE.exec(stdout.trim());
  if (!match) return null;
  const groups = (match[5] ?? '')
    .split(',')
    .map((item) => /^(\d+)\(([^)]*)\)$/.exec(item.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ gid: Number(m[1]), name: m[2]! }));
  return { uid: Number(match[1]), user: match[2]!, gid: Number(match[3]), group: match[4]!, groups };
}
