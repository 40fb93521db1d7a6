import { describe, expect, it } from 'vitest';
import { fixtureRecordings, fixtureResult } from '../test/support/run-fixtures.ts';
import { renderSummaryTable } from './summary-table.ts';

describe('renderSummaryTable', () => {
  it('renderSummaryTable - one aligned row per scenario with verdict, failover seconds and findings', () => {
    expect(renderSummaryTable(fixtureResult())).toBe(
      [
        'Scenario            Verdict     Failover s  Failures',
        '------------------  ----------  ----------  --------',
        'kill-active         PASS        2.300',
        'kill-active-strict  FAIL        2.300       failover.instanceFailoverSeconds was 2.3, must be at most 1',
        'standby-stuck       NO VERDICT  -           failover.instanceFailoverSeconds was not measured',
        '',
        'Suite multi-instance (run run-20261121-1000): FAIL; exit 1: an expectation failed',
      ].join('\n'),
    );
  });

  it('renderSummaryTable - a failed recovery is shown and warned about', () => {
    const recordings = fixtureRecordings();
    recordings[0]!.recovery = { ok: false, actions: [], error: 'ssh refused' };
    const table = renderSummaryTable(fixtureResult(recordings));
    expect(table).toContain('kill-active         PASS        2.300       recovery failed, the estate may be left faulted: ssh refused');
    expect(table).toContain('exit 3: recovery failed: the estate may be left faulted');
    expect(table).toContain('WARNING: a recovery failed');
  });
});
