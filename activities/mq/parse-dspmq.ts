import { OperationalError } from '../ssh/operational-error.ts';

/**
 * Parser for `dspmq` output in every form MQ prints it: translated (mixed case) or `-n`
 * (upper case), with `-x` instance lines, `-o standby`, `-o all`, one or many queue managers.
 * Fields are read as KEY(value) tokens, never by column, so padding differences do not matter.
 */

export type DspmqStatus =
  | 'starting'
  | 'running'
  | 'running-as-standby'
  | 'running-elsewhere'
  | 'quiescing'
  | 'ending-immediately'
  | 'ending-preemptively'
  | 'ended-normally'
  | 'ended-immediately'
  | 'ended-unexpectedly'
  | 'ended-preemptively'
  | 'status-not-available'
  | 'unknown';

export type StandbyPermission = 'permitted' | 'not-permitted' | 'not-applicable' | 'unknown';

export interface DspmqInstance {
  host: string;
  mode: 'Active' | 'Standby';
}

export interface DspmqEntry {
  name: string;
  /** Normalised STATUS; absent when the output has no STATUS field (e.g. `-o standby`). */
  status?: DspmqStatus;
  /** STATUS exactly as printed. */
  statusText?: string;
  standby?: StandbyPermission;
  /** `-x` instance lines, in printed order. */
  instances: DspmqInstance[];
  /** Every KEY(value) of the QMNAME line as printed, QMNAME and STATUS included; empty values (`HA()`) kept as ''. */
  fields: Record<string, string>;
}

export interface UnrecognisedLine {
  /** 1-based. */
  lineNumber: number;
  text: string;
}

export interface DspmqOutput {
  entries: DspmqEntry[];
  /** Lines that are neither a QMNAME nor an instance line; kept so a caller can record them. */
  unrecognised: UnrecognisedLine[];
}

/** dspmq printed something that is not dspmq output (an error message, a wrong command). */
export class DspmqParseError extends OperationalError {
  readonly code = 'DSPMQ_UNPARSEABLE';
  // Output can be cut short by a host going down mid-command, so a retry may read it whole.
  readonly permanent = false;

  constructor(
    readonly lineNumber: number,
    readonly text: string,
    readonly reason: string,
  ) {
    super(`dspmq output not understood at line ${lineNumber} (${JSON.stringify(text)}): ${reason}`);
  }
}

const STATUSES: Readonly<Record<string, DspmqStatus>> = {
  STARTING: 'starting',
  RUNNING: 'running',
  'RUNNING AS STANDBY': 'running-as-standby',
  'RUNNING ELSEWHERE': 'running-elsewhere',
  QUIESCING: 'quiescing',
  'ENDING IMMEDIATELY': 'ending-immediately',
  'ENDING PREEMPTIVELY': 'ending-preemptively',
  'ENDED NORMALLY': 'ended-normally',
  'ENDED IMMEDIATELY': 'ended-immediately',
  'ENDED UNEXPECTEDLY': 'ended-unexpectedly',
  'ENDED PREEMPTIVELY': 'ended-preemptively',
  'STATUS NOT AVAILABLE': 'status-not-available',
  // MQ 7.5 and older.
  'NOT AVAILABLE': 'status-not-available',
};

const STANDBY: Readonly<Record<string, StandbyPermission>> = {
  PERMITTED: 'permitted',
  'NOT PERMITTED': 'not-permitted',
  'NOT APPLICABLE': 'not-applicable',
};

const INSTANCE_MODES: Readonly<Record<string, DspmqInstance['mode']>> = { ACTIVE: 'Active', STANDBY: 'Standby' };

function canonical(text: string): string {
  // MQ 8+ prints PRE-EMPTIVELY under -n, 7.5 and the translated forms PREEMPTIVELY.
  return text.trim().replace(/\s+/g, ' ').toUpperCase().replaceAll('PRE-EMPTIVELY', 'PREEMPTIVELY');
}

/** Maps a STATUS value in any case and MQ version to its normalised form; unknown strings give 'unknown'. */
export function normaliseDspmqStatus(text: string): DspmqStatus {
  return STATUSES[canonical(text)] ?? 'unknown';
}

export function normaliseStandbyPermission(text: string): StandbyPermission {
  return STANDBY[canonical(text)] ?? 'unknown';
}

// A value ends at the first ')' followed by whitespace or the end of the line, so values
// may contain spaces ("Running as standby") and may be empty ("HA()").
const FIELD = /^([A-Z][A-Z0-9_]*)\((.*?)\)(?=\s|$)/;

interface LineTokens {
  fields: [string, string][];
  stray: string[];
}

function tokenise(line: string): LineTokens {
  const tokens: LineTokens = { fields: [], stray: [] };
  let rest = line.trim();
  while (rest.length > 0) {
    const field = FIELD.exec(rest);
    const consumed = field ? field[0] : (/^\S+/.exec(rest)?.[0] ?? rest);
    if (field) tokens.fields.push([field[1]!, field[2]!]);
    else tokens.stray.push(consumed);
    rest = rest.slice(consumed.length).trimStart();
  }
  return tokens;
}

function parseEntry(line: string, lineNumber: number): DspmqEntry {
  const { fields } = tokenise(line);
  const first = fields[0];
  if (!first || first[0] !== 'QMNAME' || /[()]/.test(first[1])) {
    throw new DspmqParseError(lineNumber, line, 'QMNAME(...) is not closed');
  }
  if (first[1].trim() === '') throw new DspmqParseError(lineNumber, line, 'the queue manager name is empty');

  const entry: DspmqEntry = { name: first[1], instances: [], fields: Object.fromEntries(fields) };
  const status = entry.fields.STATUS;
  if (status !== undefined) {
    entry.status = normaliseDspmqStatus(status);
    entry.statusText = status;
  }
  if (entry.fields.STANDBY !== undefined) entry.standby = normaliseStandbyPermission(entry.fields.STANDBY);
  return entry;
}

function parseInstance(line: string): DspmqInstance | undefined {
  const fields = Object.fromEntries(tokenise(line).fields);
  const mode = INSTANCE_MODES[canonical(fields.MODE ?? '')];
  if (!fields.INSTANCE || !mode) return undefined;
  return { host: fields.INSTANCE, mode };
}

/** Parses dspmq output into entries plus the lines it did not recognise. Empty output (no queue managers) gives no entries. */
export function parseDspmqOutput(text: string): DspmqOutput {
  const output: DspmqOutput = { entries: [], unrecognised: [] };
  const lines = text.split(/\r?\n/);
  let current: DspmqEntry | undefined;

  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    const trimmed = line.trim();
    if (trimmed === '') return;
    if (trimmed.startsWith('QMNAME(')) {
      current = parseEntry(line, lineNumber);
      output.entries.push(current);
      return;
    }
    if (trimmed.startsWith('INSTANCE(')) {
      if (!current) throw new DspmqParseError(lineNumber, line, 'an instance line comes before any QMNAME line');
      const instance = parseInstance(line);
      if (instance) current.instances.push(instance);
      else output.unrecognised.push({ lineNumber, text: line });
      return;
    }
    output.unrecognised.push({ lineNumber, text: line });
  });

  const first = output.unrecognised[0];
  if (output.entries.length === 0 && first) {
    throw new DspmqParseError(first.lineNumber, first.text, 'no QMNAME(...) line in the output');
  }
  return output;
}

/** Parses dspmq output into one entry per queue manager, ignoring lines it does not recognise. */
export function parseDspmq(text: string): DspmqEntry[] {
  return parseDspmqOutput(text).entries;
}
