import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertValidName, checkName, findNameRuleByLabel, InvalidNameError, nameRules, type NameKind } from './mq-names.ts';

type Definition = { title?: string; pattern?: string };

function namedDefinitions(schemaFile: string): Definition[] {
  const schema = JSON.parse(readFileSync(new URL(`./schemas/${schemaFile}`, import.meta.url), 'utf8')) as { definitions: Record<string, Definition> };
  return Object.values(schema.definitions).filter((definition) => findNameRuleByLabel(definition.title) !== undefined);
}

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('mq-names', () => {
  const valid: [NameKind, string][] = [
    ['queueManager', 'QM1'],
    ['queueManager', 'qm.prod_01%/A'],
    ['queueManager', 'Q'.repeat(48)],
    ['mqObject', 'SYSTEM.CLUSTER.TRANSMIT.QUEUE'],
    ['channel', 'TO.QM2.CLUSTER'],
    ['host', 'mq1'],
    ['host', 'mq-node-01'],
    ['sshUser', 'mqm'],
    ['sshUser', '_svc-mq'],
    ['address', 'mq1.example.com'],
    ['address', '127.0.0.1'],
    ['address', '::1'],
    ['address', 'fe80::1%eth0'],
    ['envVar', 'MQ1_SSH_PASSWORD'],
    ['suite', 'mi-kill-active'],
    ['scenario', '0-first'],
    ['hostKey', 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8'],
  ];
  it.each(valid)('checkName - %s %j is valid', (kind, value) => {
    expect(checkName(kind, value)).toBeNull();
  });

  const invalid: [NameKind, unknown, string][] = [
    ['queueManager', 'QM1;rm -rf /', 'queue manager name "QM1;rm -rf /" contains ";" " " "-": MQ names use only A-Z a-z 0-9 . / _ %, at most 48 characters'],
    ['queueManager', '$(reboot)', 'queue manager name "$(reboot)" contains "$" "(" ")": MQ names use only A-Z a-z 0-9 . / _ %, at most 48 characters'],
    ['queueManager', 'Q'.repeat(49), `queue manager name "${'Q'.repeat(49)}" is 49 characters long: MQ names use only A-Z a-z 0-9 . / _ %, at most 48 characters`],
    ['queueManager', '', 'queue manager name is empty (MQ names use only A-Z a-z 0-9 . / _ %, at most 48 characters)'],
    ['queueManager', 42, 'queue manager name must be a string'],
    ['channel', 'A.CHANNEL.NAME.TOO.LONG', 'MQ channel name "A.CHANNEL.NAME.TOO.LONG" is 23 characters long: MQ names use only A-Z a-z 0-9 . / _ %, at most 20 characters for a channel'],
    ['host', 'mq1-', 'host name "mq1-" is not valid: lower-case letters, digits and inner hyphens, at most 63 characters (e.g. mq1)'],
    ['host', 'mq1`id`', 'host name "mq1`id`" contains "`": lower-case letters, digits and inner hyphens, at most 63 characters (e.g. mq1)'],
    ['address', 'mq1.example.com;id', 'host address "mq1.example.com;id" contains ";": a DNS name (letters, digits, hyphens, dots), an IPv4 address or an IPv6 address'],
    ['sshUser', 'root|sh', 'SSH user name "root|sh" contains "|": a Unix user name: lower-case letters, digits, _ and -, starting with a letter or _, at most 32 characters'],
    ['suite', 'Kill Active', 'suite name "Kill Active" contains "K" " " "A": lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (it becomes a workflow id and a folder name)'],
    ['hostKey', 'SHA256:abc=', 'SSH host key fingerprint "SHA256:abc=" contains "=": SHA256: followed by 43 base64 characters without padding, as `ssh-keygen -lf` prints it'],
  ];
  it.each(invalid)('checkName - %s %j is refused in words', (kind, value, message) => {
    expect(checkName(kind, value)).toBe(message);
  });

  it('checkName - an env var name that may be a pasted password is never echoed', () => {
    const message = checkName('envVar', 'hunter2!');
    expect(message).toBe('environment variable name is not valid (value not shown): upper-case letters, digits and _, not starting with a digit (e.g. MQ1_SSH_PASSWORD)');
    expect(message).not.toContain('hunter2');
  });

  it('assertValidName - returns a valid name and throws InvalidNameError with a code otherwise', () => {
    expect(assertValidName('queueManager', 'QM1')).toBe('QM1');
    expect(() => assertValidName('queueManager', 'QM1 && halt')).toThrow(InvalidNameError);
    const thrown = catchError(() => assertValidName('host', 'MQ1'));
    expect(thrown).toBeInstanceOf(InvalidNameError);
    expect(thrown).toMatchObject({
      code: 'MQC-INVALID-NAME',
      kind: 'host',
      value: 'MQ1',
      message: 'host name "MQ1" contains "M" "Q": lower-case letters, digits and inner hyphens, at most 63 characters (e.g. mq1)',
    });
  });

  it('nameRules - no rule lets a shell metacharacter through', () => {
    for (const rule of Object.values(nameRules)) {
      for (const character of ' ;&|`$()<>\'"\\*?![]{}~#\n\t') expect(rule.character.test(character), `${rule.kind} ${JSON.stringify(character)}`).toBe(false);
    }
  });

  it('nameRules - the schemas carry the same patterns under the same titles', () => {
    const definitions = [...namedDefinitions('estate.schema.json'), ...namedDefinitions('suite.schema.json')];
    const covered = definitions.map((definition) => {
      const rule = findNameRuleByLabel(definition.title)!;
      expect(definition.pattern, definition.title).toBe(rule.pattern.source);
      return rule.kind;
    });
    expect(new Set(covered)).toEqual(new Set(Object.keys(nameRules)));
  });
});
