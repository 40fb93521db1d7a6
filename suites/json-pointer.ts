/** JSON pointers (RFC 6901), the way definition errors name the offending node. */

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function appendPointer(pointer: string, ...tokens: (string | number)[]): string {
  return tokens.reduce<string>(
    (joined, token) => `${joined}/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`,
    pointer,
  );
}

/** True when `pointer` is `ancestor` or lies beneath it. */
export function isWithinPointer(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

export type PointerLookup = { found: true; value: unknown } | { found: false };

export function lookupPointer(data: unknown, pointer: string): PointerLookup {
  let current = data;
  for (const token of parsePointer(pointer)) {
    if (current === null || typeof current !== 'object') return { found: false };
    if (Array.isArray(current) && !/^(0|[1-9]\d*)$/.test(token)) return { found: false };
    if (!Object.prototype.hasOwnProperty.call(current, token)) return { found: false };
    current = (current as Record<string, unknown>)[token];
  }
  return { found: true, value: current };
}
