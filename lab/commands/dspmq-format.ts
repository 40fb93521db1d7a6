import type { QmHostView, QmStatus, StandbyPermission } from '../queue-manager.ts';

export interface DspmqFields {
  status: boolean;
  standby: boolean;
  /** -x: one `INSTANCE(host) MODE(...)` line per running instance. */
  instances: boolean;
  /** -n: untranslated (upper-case) values. */
  untranslated: boolean;
}

/** The first field after QMNAME(...) starts at column 58 (0-based) in every IBM transcript. */
export const QMNAME_FIELD_WIDTH = 58;
const INSTANCE_INDENT = '    ';

const STATUS_TEXT: Record<QmStatus, [translated: string, untranslated: string]> = {
  starting: ['Starting', 'STARTING'],
  running: ['Running', 'RUNNING'],
  'running-as-standby': ['Running as standby', 'RUNNING AS STANDBY'],
  'running-elsewhere': ['Running elsewhere', 'RUNNING ELSEWHERE'],
  quiescing: ['Quiescing', 'QUIESCING'],
  'ending-immediately': ['Ending immediately', 'ENDING IMMEDIATELY'],
  // MQ 8 and later spell the untranslated form with a hyphen.
  'ending-preemptively': ['Ending preemptively', 'ENDING PRE-EMPTIVELY'],
  'ended-normally': ['Ended normally', 'ENDED NORMALLY'],
  'ended-immediately': ['Ended immediately', 'ENDED IMMEDIATELY'],
  'ended-preemptively': ['Ended preemptively', 'ENDED PRE-EMPTIVELY'],
  'ended-unexpectedly': ['Ended unexpectedly', 'ENDED UNEXPECTEDLY'],
};

const STANDBY_TEXT: Record<StandbyPermission, [string, string]> = {
  permitted: ['Permitted', 'PERMITTED'],
  'not-permitted': ['Not permitted', 'NOT PERMITTED'],
  'not-applicable': ['Not applicable', 'NOT APPLICABLE'],
};

const MODE_TEXT = { active: ['Active', 'ACTIVE'], standby: ['Standby', 'STANDBY'] } as const;

/** The lines dspmq prints for one queue manager. */
export function formatDspmqLines(view: QmHostView, fields: DspmqFields): string[] {
  const pick = (pair: readonly [string, string]): string => pair[fields.untranslated ? 1 : 0];
  const values: string[] = [];
  if (fields.status) values.push(`STATUS(${pick(STATUS_TEXT[view.status])})`);
  if (fields.standby) values.push(`STANDBY(${pick(STANDBY_TEXT[view.standby])})`);
  const head = `QMNAME(${view.qm})`.padEnd(QMNAME_FIELD_WIDTH) + values.join(' ');
  const lines = [head.trimEnd()];
  if (fields.instances) {
    for (const instance of view.instances) {
      lines.push(`${INSTANCE_INDENT}INSTANCE(${instance.host}) MODE(${pick(MODE_TEXT[instance.mode])})`);
    }
  }
  return lines;
}
