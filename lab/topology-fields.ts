/** How a topology reader reports a bad field: its path and what is wrong with it. */
export type Fail = (field: string, message: string) => void;

/** A whole number within bounds, or the fallback when absent; out of bounds is reported and falls back. */
export function readInteger(value: unknown, fallback: number, min: number, max: number, field: string, fail: Fail): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(field, `must be a whole number from ${min} to ${max}`);
    return fallback;
  }
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
