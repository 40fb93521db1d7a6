/**
 * Naming rules for every name a user writes that may later reach a command line: MQ's own
 * rules for queue managers and objects, and rules for hosts, users, addresses and the like
 * that leave no room for shell metacharacters. The suite schemas carry the same patterns
 * (with the rule's label as `title`) so editors flag bad names too; a test keeps them equal.
 * Activities re-check names here (`assertValidName`) before building a command.
 */

export type NameKind =
  | 'queueManager'
  | 'mqObject'
  | 'channel'
  | 'host'
  | 'sshUser'
  | 'address'
  | 'envVar'
  | 'suite'
  | 'scenario'
  | 'hostKey';

export interface NameRule {
  kind: NameKind;
  /** What the name is, in words; also the `title` of the matching schema definition. */
  label: string;
  pattern: RegExp;
  /** One character that may appear somewhere in the name. */
  character: RegExp;
  maxLength: number;
  /** Whether messages may repeat the value (not for env var names: a pasted password would be echoed). */
  echoes: boolean;
  /** The rule in words, for error messages. */
  explanation: string;
}

const MQ_NAME_CHARACTER = /[A-Za-z0-9._%/]/;
const MQ_NAME_EXPLANATION = 'MQ names use only A-Z a-z 0-9 . / _ %';
const HOST_LABEL = '[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?';

export const nameRules: Readonly<Record<NameKind, NameRule>> = {
  queueManager: {
    kind: 'queueManager',
    label: 'queue manager name',
    pattern: /^[A-Za-z0-9._%/]{1,48}$/,
    character: MQ_NAME_CHARACTER,
    maxLength: 48,
    echoes: true,
    explanation: `${MQ_NAME_EXPLANATION}, at most 48 characters`,
  },
  mqObject: {
    kind: 'mqObject',
    label: 'MQ object name',
    pattern: /^[A-Za-z0-9._%/]{1,48}$/,
    character: MQ_NAME_CHARACTER,
    maxLength: 48,
    echoes: true,
    explanation: `${MQ_NAME_EXPLANATION}, at most 48 characters`,
  },
  channel: {
    kind: 'channel',
    label: 'MQ channel name',
    pattern: /^[A-Za-z0-9._%/]{1,20}$/,
    character: MQ_NAME_CHARACTER,
    maxLength: 20,
    echoes: true,
    explanation: `${MQ_NAME_EXPLANATION}, at most 20 characters for a channel`,
  },
  host: {
    kind: 'host',
    label: 'host name',
    pattern: /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/,
    character: /[a-z0-9-]/,
    maxLength: 63,
    echoes: true,
    explanation: 'lower-case letters, digits and inner hyphens, at most 63 characters (e.g. mq1)',
  },
  sshUser: {
    kind: 'sshUser',
    label: 'SSH user name',
    pattern: /^[a-z_][a-z0-9_-]{0,31}$/,
    character: /[a-z0-9_-]/,
    maxLength: 32,
    echoes: true,
    explanation: 'a Unix user name: lower-case letters, digits, _ and -, starting with a letter or _, at most 32 characters',
  },
  address: {
    kind: 'address',
    label: 'host address',
    pattern: new RegExp(`^(${HOST_LABEL}(\\.${HOST_LABEL})*|[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){2,7}(%[A-Za-z0-9]+)?)$`),
    character: /[A-Za-z0-9.:%-]/,
    maxLength: 253,
    echoes: true,
    explanation: 'a DNS name (letters, digits, hyphens, dots), an IPv4 address or an IPv6 address',
  },
  envVar: {
    kind: 'envVar',
    label: 'environment variable name',
    pattern: /^[A-Z_][A-Z0-9_]*$/,
    character: /[A-Z0-9_]/,
    maxLength: 255,
    echoes: false,
    explanation: 'upper-case letters, digits and _, not starting with a digit (e.g. MQ1_SSH_PASSWORD)',
  },
  suite: {
    kind: 'suite',
    label: 'suite name',
    pattern: /^[a-z0-9][a-z0-9-]{0,62}$/,
    character: /[a-z0-9-]/,
    maxLength: 63,
    echoes: true,
    explanation: 'lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (it becomes a workflow id and a folder name)',
  },
  scenario: {
    kind: 'scenario',
    label: 'scenario name',
    pattern: /^[a-z0-9][a-z0-9-]{0,62}$/,
    character: /[a-z0-9-]/,
    maxLength: 63,
    echoes: true,
    explanation: 'lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (it becomes a workflow id and a folder name)',
  },
  hostKey: {
    kind: 'hostKey',
    label: 'SSH host key fingerprint',
    pattern: /^SHA256:[A-Za-z0-9+/]{43}$/,
    character: /[A-Za-z0-9+/:]/,
    maxLength: 50,
    echoes: true,
    explanation: 'SHA256: followed by 43 base64 characters without padding, as `ssh-keygen -lf` prints it',
  },
};

/** Why `value` breaks the rule for `kind`, in words; null when the name is valid. */
export function checkName(kind: NameKind, value: unknown): string | null {
  const rule = nameRules[kind];
  if (typeof value !== 'string') return `${rule.label} must be a string`;
  if (rule.pattern.test(value)) return null;
  if (value.length === 0) return `${rule.label} is empty (${rule.explanation})`;
  if (!rule.echoes) return `${rule.label} is not valid (value not shown): ${rule.explanation}`;
  const shown = JSON.stringify(value);
  const forbidden = findForbiddenCharacters(value, rule.character);
  if (forbidden.length > 0) {
    const listed = forbidden.map((character) => JSON.stringify(character)).join(' ');
    return `${rule.label} ${shown} contains ${listed}: ${rule.explanation}`;
  }
  if (value.length > rule.maxLength) {
    return `${rule.label} ${shown} is ${value.length} characters long: ${rule.explanation}`;
  }
  return `${rule.label} ${shown} is not valid: ${rule.explanation}`;
}

export class InvalidNameError extends Error {
  readonly code = 'MQC-INVALID-NAME';
  constructor(
    readonly kind: NameKind,
    readonly value: unknown,
    problem: string,
  ) {
    super(problem);
    this.name = 'InvalidNameError';
  }
}

/** Returns `value` when it is a valid name of `kind`; throws InvalidNameError otherwise. */
export function assertValidName(kind: NameKind, value: unknown): string {
  const problem = checkName(kind, value);
  if (problem !== null) throw new InvalidNameError(kind, value, problem);
  return value as string;
}

/** The rule whose label is `label` (a schema definition's `title`), if any. */
export function findNameRuleByLabel(label: unknown): NameRule | undefined {
  return Object.values(nameRules).find((rule) => rule.label === label);
}

function findForbiddenCharacters(value: string, allowed: RegExp): string[] {
  const forbidden = new Set<string>();
  for (const character of value) if (!allowed.test(character)) forbidden.add(character);
  return [...forbidden];
}
