import type { ClassAccounting, MessageAccounting, MessageCounts } from '../checkers/message-accounting.ts';
import type { ScenarioResult } from '../checkers/result-document.ts';
import { escapeMarkup as esc } from './markup-escape.ts';

const COLUMNS: ReadonlyArray<[keyof MessageCounts, string]> = [
  ['sent', 'Sent'],
  ['confirmed', 'Confirmed'],
  ['failed', 'Failed'],
  ['inDoubt', 'In doubt'],
  ['received', 'Received'],
  ['lost', 'Lost'],
  ['duplicated', 'Duplicated'],
  ['outOfOrder', 'Out of order'],
  ['corrupt', 'Corrupt'],
  ['recovered', 'Recovered'],
  ['unexpected', 'Unexpected'],
];
/** Counts that are findings when not zero. */
const ANOMALIES = new Set<keyof MessageCounts>(['lost', 'duplicated', 'outOfOrder', 'corrupt', 'unexpected']);
const CLASSES: ReadonlyArray<['persistent' | 'nonPersistent', string]> = [
  ['persistent', 'Persistent'],
  ['nonPersistent', 'Non-persistent'],
];

/** The scenario's message accounting: one table per persistence class, a row per phase. */
export function renderMessagesSection(result: ScenarioResult): string {
  const messages = result.messages;
  if (!messages) return '';
  const tables = CLASSES.filter(([name]) => messages[name] !== null).map(([name, label]) => renderClassTable(label, messages[name]!));
  return ['<h3>Messages</h3>', renderTrafficFacts(result, messages), ...tables].join('\n');
}

/** One line for the CLI's summary: "messages: persistent 1200 sent, 1180 confirmed, 0 lost, 0 duplicated; …; service restored after 3.201 s". */
export function summarizeMessages(result: ScenarioResult): string | null {
  const messages = result.messages;
  if (!messages) return null;
  const parts = CLASSES.filter(([name]) => messages[name] !== null).map(([name, label]) => {
    const counts = messages[name]!;
    const lost = counts.lost === null ? 'lost not measured' : `${counts.lost} lost`;
    return `${label.toLowerCase()} ${counts.sent} sent, ${counts.confirmed} confirmed, ${lost}, ${counts.duplicated} duplicated`;
  });
  const restored = result.failover.serviceRestoredSeconds;
  if (restored !== undefined && restored !== null) parts.push(`service restored after ${restored.toFixed(3)} s`);
  return `messages: ${parts.join('; ')}`;
}

function renderTrafficFacts(result: ScenarioResult, messages: MessageAccounting): string {
  const seconds = (value: number | null | undefined) => (value === null || value === undefined ? '<span class="no-data">not measured</span>' : `<strong>${value.toFixed(3)} s</strong>`);
  const drain = messages.drain.complete
    ? 'complete (queue empty)'
    : `<strong>incomplete</strong>: ${messages.drain.remainingDepth === null ? 'depth unknown' : `${messages.drain.remainingDepth} messages left`}, so lost is not measured`;
  const records = messages.recordsComplete ? 'complete' : '<strong>incomplete</strong>: a client did not finish its log, so lost is not measured';
  const { corrupt, unexpected } = messages.unattributed;
  return [
    '<dl class="facts">',
    `<dt>Service restored (first confirmed put after the fault)</dt><dd>${seconds(result.failover.serviceRestoredSeconds)}</dd>`,
    `<dt>First get after the fault</dt><dd>${seconds(result.failover.firstGetAfterFaultSeconds)}</dd>`,
    `<dt>Drain</dt><dd>${drain}</dd>`,
    `<dt>Client records</dt><dd>${records}</dd>`,
    corrupt + unexpected > 0 ? `<dt>Not from this run's producers</dt><dd>${corrupt} unreadable, ${unexpected} unexpected</dd>` : '',
    `<dt>Phases</dt><dd>a message counts in the phase its put began: before the fault, during it (until service was restored), after it; exact to ${esc(messages.phaseResolutionMs)} ms</dd>`,
    '</dl>',
  ].join('\n');
}

function renderClassTable(label: string, counts: ClassAccounting): string {
  const head = `<tr><th>${esc(label)}</th>${COLUMNS.map(([, title]) => `<th>${esc(title)}</th>`).join('')}</tr>`;
  const row = (phase: string, values: MessageCounts, total = false) =>
    `<tr${total ? ' class="total"' : ''}><td>${esc(phase)}</td>${COLUMNS.map(([field]) => renderCount(field, values[field])).join('')}</tr>`;
  return [
    '<table class="messages">',
    `<thead>${head}</thead>`,
    '<tbody>',
    row('before', counts.phases.before),
    row('during', counts.phases.during),
    row('after', counts.phases.after),
    row('total', counts, true),
    '</tbody></table>',
  ].join('\n');
}

function renderCount(field: keyof MessageCounts, value: number | null): string {
  if (value === null) return '<td class="count no-data">not measured</td>';
  const anomaly = ANOMALIES.has(field) && value > 0;
  return `<td class="count${anomaly ? ' anomaly' : ''}">${value}</td>`;
}
