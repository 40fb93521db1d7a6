/**
 * Paths into a result document as people write and read them: `failover.instanceFailoverSeconds`,
 * `events[2].at`. JSON pointers (`/failover/instanceFailoverSeconds`, as ajv reports them)
 * are accepted too.
 */

export type PathSegment = string | number;

export function parsePath(path: string): PathSegment[] {
  if (path === '' || path === '/') return [];
  if (path.startsWith('/')) {
    return path
      .slice(1)
      .split('/')
      .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((token) => (/^(0|[1-9]\d*)$/.test(token) ? Number(token) : token));
  }
  const segments: PathSegment[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      segments.push(part);
      continue;
    }
    if (match[1]) segments.push(match[1]);
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

export function formatPath(segments: readonly PathSegment[]): string {
  let text = '';
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/** A path or JSON pointer as people read it; the root is "the result document". */
export function readablePath(path: string | readonly PathSegment[]): string {
  return formatPath(typeof path === 'string' ? parsePath(path) : path) || 'the result document';
}

export interface PathLookup {
  present: boolean;
  value: unknown;
}

export function lookupPath(document: unknown, path: string | readonly PathSegment[]): PathLookup {
  const segments = typeof path === 'string' ? parsePath(path) : path;
  let current: unknown = document;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return { present: false, value: undefined };
    const container = current as Record<string | number, unknown>;
    if (!Object.prototype.hasOwnProperty.call(container, segment)) return { present: false, value: undefined };
    current = container[segment];
  }
  return { present: true, value: current };
}

/** `inner` is `outer` or lies inside it. */
export function isWithinPath(inner: readonly PathSegment[], outer: readonly PathSegment[]): boolean {
  return outer.length <= inner.length && outer.every((segment, i) => String(segment) === String(inner[i]));
}
