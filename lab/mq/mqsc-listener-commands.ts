import { listenersOf } from '../conformance/listener-view.ts';
import type { LabEstate } from '../lab-estate.ts';
import type { LabHost } from '../lab-host.ts';
import { isKeyword, type MqscCommand } from './mqsc-command.ts';
import { syntaxError, type MqscReply } from './mqsc-queue-commands.ts';

/**
 * DISPLAY LISTENER and DISPLAY LSSTATUS as the active instance on `host` answers them:
 * SYSTEM.DEFAULT.LISTENER.TCP (CONTROL(MANUAL), PORT(0), never started) and LISTENER.TCP
 * (CONTROL(QMGR)) on the host's listener port (lab/conformance/listener-view.ts).
 * [U] The reply for a generic LSSTATUS that matches no running listener is AMQ8147E.
 * Returns null for any other command.
 */
export function runMqscListenerCommand(estate: LabEstate, host: LabHost, qmName: string, command: MqscCommand): MqscReply | null {
  if (!isKeyword(command.verb, 'DISPLAY', 'DIS') || command.name === undefined) return null;
  const definitions = [
    { name: 'SYSTEM.DEFAULT.LISTENER.TCP', port: 0, running: false, control: 'MANUAL' },
    ...listenersOf(estate, host, qmName).map((view) => ({ ...view, control: 'QMGR' })),
  ];
  const generic = command.name.endsWith('*');
  const matches = (name: string) => (generic ? name.startsWith(command.name!.slice(0, -1)) : name === command.name);
  if (isKeyword(command.objectType, 'LISTENER', 'LSTR')) {
    const wanted = requested(command, ['CONTROL', 'TRPTYPE', 'PORT', 'IPADDR', 'BACKLOG', 'DESCR'], ['TRPTYPE']);
    if (!wanted) return syntaxError(command.text);
    const shown = definitions.filter((d) => matches(d.name));
    if (shown.length === 0) return { items: [{ message: `AMQ8147E: IBM MQ object ${command.name} not found.` }], outcome: 'failed' };
    const value = (d: (typeof definitions)[number], k: string) => ({ CONTROL: d.control, TRPTYPE: 'TCP', PORT: String(d.port), IPADDR: ' ', BACKLOG: '0', DESCR: ' ' })[k];
    return { items: shown.map((d) => ({ message: 'AMQ8630I: Display listener information.', attributes: [`LISTENER(${d.name})`, ...wanted.map((k) => `${k}(${value(d, k)})`)] })), outcome: 'processed' };
  }
  if (isKeyword(command.objectType, 'LSSTATUS')) {
    const wanted = requested(command, ['STATUS', 'PID', 'TRPTYPE', 'CONTROL', 'IPADDR', 'PORT', 'BACKLOG'], ['STATUS']);
    if (!wanted) return syntaxError(command.text);
    const running = definitions.filter((d) => d.running && matches(d.name));
    if (running.length === 0) return { items: [{ message: `AMQ8147E: IBM MQ object ${command.name} not found.` }], outcome: 'failed' };
    const value = (d: (typeof definitions)[number], k: string) =>
      ({ STATUS: 'RUNNING', PID: String(4000 + d.port % 1000), TRPTYPE: 'TCP', CONTROL: d.control, IPADDR: '*', PORT: String(d.port), BACKLOG: '100' })[k];
    return { items: running.map((d) => ({ message: 'AMQ8631I: Display listener status details.', attributes: [`LISTENER(${d.name})`, 'STATUS(RUNNING)', ...wanted.filter((k) => k !== 'STATUS').map((k) => `${k}(${value(d, k)})`)] })), outcome: 'processed' };
  }
  return null;
}

/** The attributes a display asks for (ALL: every one); null for a keyword it does not know. */
function requested(command: MqscCommand, known: string[], byDefault: string[]): string[] | null {
  const wanted = new Set<string>();
  for (const [keyword, value] of command.keywords) {
    if (value !== null) return null;
    if (keyword === 'ALL') known.forEach((k) => wanted.add(k));
    else if (known.includes(keyword)) wanted.add(keyword);
    else return null;
  }
  return wanted.size === 0 ? byDefault : known.filter((k) => wanted.has(k));
}
