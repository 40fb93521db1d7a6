import type { ConformanceReport } from '../checkers/conformance-facts.ts';

const MARKS = { pass: '✓', fail: '✗', unknown: '?' } as const;

/**
 * The conformance report as a terminal checklist: one line per check and node (✓ holds,
 * ✗ fails, ? could not be read), each failure and missing fact indented under its line,
 * then the checks that did not apply and the verdict.
 */
export function renderConformanceChecklist(report: ConformanceReport): string {
  const out: string[] = [];
  const width = Math.max(...report.lines.map((line) => line.check.length), 10);
  for (const line of report.lines) {
    const where = [line.queueManager, line.node + (line.role ? ` (${line.role})` : '')].filter(Boolean).join(' ');
    out.push(`${MARKS[line.verdict]} ${line.check.padEnd(width)}  ${where.padEnd(22)}  ${line.title}`);
    for (const failure of line.failures) out.push(`    ✗ ${failure}`);
    for (const missing of line.missing) out.push(`    ? ${missing}`);
  }
  for (const skipped of report.notApplicable) out.push(`- ${skipped.check.padEnd(width)}  ${'(not checked)'.padEnd(22)}  ${skipped.reason}`);
  const counts = (['pass', 'fail', 'unknown'] as const).map((v) => `${report.lines.filter((l) => l.verdict === v).length} ${v === 'pass' ? 'hold' : v === 'fail' ? 'failed' : 'unknown'}`);
  out.push('', `Conformance: ${report.verdict} (${counts.join(', ')})`);
  return out.join('\n');
}
