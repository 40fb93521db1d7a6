import type { MqscMessage } from './parse-runmqsc.ts';

/** A display answered with an error the caller did not expect (AMQ8147E object not found, AMQ8405E syntax error, ...). */
export class MqscDisplayError extends Error {
  readonly code = 'MQSC_DISPLAY_FAILED';
  constructor(
    readonly command: string,
    readonly messages: readonly MqscMessage[],
  ) {
    super(`${command}: ${messages.map((m) => `${m.id}: ${m.text}`).join(' ') || 'no objects and no message'}`);
    this.name = 'MqscDisplayError';
  }
}

/** The messages of a response that are errors (severity E or S; 8.0-style ids without a letter are judged by the caller). */
export function errorMessages(messages: readonly MqscMessage[]): MqscMessage[] {
  return messages.filter((m) => /[ES]$/.test(m.id));
}

export function toCount(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value.trim())) return null;
  return Number(value.trim());
}
