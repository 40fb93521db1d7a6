import { judgeSuite } from '../../checkers/judge-suite.ts';
import type { SuiteResult } from '../../checkers/result-document.ts';
import type { ScenarioRecording } from '../../checkers/scenario-recording.ts';
import { event, recordingOf, saneKillFailover, scenarioSpecOf, steadyBefore } from './recording-fixtures.ts';
import type { ResolvedSuite, ScenarioSpec } from '../../suites/suite-model.ts';

/** A small run for report tests: one scenario passes, one fails, one has no verdict. */
export const HOSTILE_TEXT = `<script>alert("x")</script> & 'quoted'`;

const failoverWithin = (seconds: number) => ({
  type: 'object',
  properties: { failover: { type: 'object', properties: { instanceFailoverSeconds: { type: 'number', maximum: seconds } } } },
});

export function fixtureSuite(): ResolvedSuite {
  const scenarios: ScenarioSpec[] = [
    { ...scenarioSpecOf(failoverWithin(30)), description: `Kill the active instance ${HOSTILE_TEXT}` },
    { ...scenarioSpecOf(failoverWithin(1)), name: 'kill-active-strict' },
    { ...scenarioSpecOf(failoverWithin(30)), name: 'standby-stuck' },
  ];
  return {
    file: '/suites/lab/multi-instance.yaml',
    name: 'multi-instance',
    estate: {
      hosts: {
        mq1: { name: 'mq1', address: '127.0.0.1', port: 2201, user: 'mqm', credential: { env: 'MQ_PASSWORD' }, hostKey: 'SHA256:abc' },
        mq2: { name: 'mq2', address: '127.0.0.1', port: 2202, user: 'mqm', credential: { env: 'MQ_PASSWORD' }, hostKey: 'SHA256:def' },
      },
      queueManagers: { QM1: { name: 'QM1', instances: ['mq1', 'mq2'] } },
    },
    scenarios,
  };
}

export function fixtureRecordings(): ScenarioRecording[] {
  return [
    recordingOf(saneKillFailover(), {
      events: [event(4.2, 'fault-injected', `kill -9 on mq1 ${HOSTILE_TEXT}`), event(9, 'recovery', 'strmqm -x QM1 on mq1')],
    }),
    recordingOf(saneKillFailover(), { scenario: 'kill-active-strict' }),
    recordingOf(steadyBefore(8), { scenario: 'standby-stuck' }),
  ];
}

export function fixtureResult(recordings = fixtureRecordings()): SuiteResult {
  return judgeSuite({ suite: fixtureSuite(), recordings, run: { runId: 'run-20261121-1000' } });
}
