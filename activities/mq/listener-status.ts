import type { MqscResponse } from './parse-runmqsc.ts';

/** The listeners a DISPLAY LSSTATUS response shows running (AMQ8631I objects with STATUS(RUNNING)); none when it found none. */
export function runningListeners(response: MqscResponse): Array<{ name: string; port: number }> {
  return response.objects
    .filter((o) => o.attributes.LISTENER !== undefined && (o.attributes.STATUS ?? 'RUNNING') === 'RUNNING')
    .map((o) => ({ name: o.attributes.LISTENER!, port: Number(o.attributes.PORT) }))
    .filter((l) => Number.isInteger(l.port));
}
