import { describe, expect, it } from 'vitest';
import { renderConformanceChecklist } from './conformance-checklist.ts';

describe('conformance checklist - the terminal rendering', () => {
  it('renderConformanceChecklist - one line per check and node with ✓ ✗ ?, failures indented, checks not applicable, the verdict', () => {
    const text = renderConformanceChecklist({
      verdict: 'fail',
      lines: [
        { check: 'mq-user', title: 'mqm identical', queueManager: 'QM1', node: 'mq1', verdict: 'pass', failures: [], missing: [], facts: {} },
        { check: 'mq-user', title: 'mqm identical', queueManager: 'QM1', node: 'mq2', verdict: 'fail', failures: ['mq2: uid of mqm is 502; mq1 has 501'], missing: [], facts: {} },
        { check: 'listener', title: 'one listener', queueManager: 'QM1', node: 'mq1', role: 'active', verdict: 'unknown', failures: [], missing: ['mq1: could not run: timeout'], facts: null },
      ],
      notApplicable: [{ check: 'cluster', title: 'cluster hygiene', reason: 'the estate declares no clusters' }],
    });
    expect(text.split('\n')).toEqual([
      '✓ mq-user     QM1 mq1                 mqm identical',
      '✗ mq-user     QM1 mq2                 mqm identical',
      '    ✗ mq2: uid of mqm is 502; mq1 has 501',
      '? listener    QM1 mq1 (active)        one listener',
      '    ? mq1: could not run: timeout',
      '- cluster     (not checked)           the estate declares no clusters',
      '',
      'Conformance: fail (1 hold, 1 failed, 1 unknown)',
    ]);
  });
});
