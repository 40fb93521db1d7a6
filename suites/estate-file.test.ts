import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEstateFile } from './estate-file.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const HOST_KEY = 'SHA256:MqLG02Ll+pZ5lSBttxsUlh4iKjGUHVfkMPs6eK+rsmM';

function writeEstate(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mqchaos-estate-')), 'estate.yaml');
  writeFileSync(file, text);
  return file;
}

describe('loadEstateFile', () => {
  it('loadEstateFile - the estate file a lab writes', async () => {
    const file = writeEstate(
      [
        '# Written by mqchaos lab up for topology demo.',
        'hosts:',
        '  mq1:',
        '    address: 127.0.0.1',
        '    port: 40123',
        '    user: mqm',
        '    credential: { keyFile: "/state dir/client_ed25519" }',
        `    hostKey: ${HOST_KEY}`,
        '  nfs1: { address: 127.0.0.1, port: 40125, user: mqm, credential: { keyFile: "/state dir/client_ed25519" }, hostKey: ' + HOST_KEY + ' }',
        'queueManagers:',
        '  QM1:',
        '    instances: [mq1]',
      ].join('\n'),
    );
    expect(await loadEstateFile(file)).toEqual({
      ok: true,
      estate: {
        hosts: {
          mq1: { name: 'mq1', address: '127.0.0.1', port: 40123, user: 'mqm', credential: { keyFile: '/state dir/client_ed25519' }, hostKey: HOST_KEY },
          nfs1: { name: 'nfs1', address: '127.0.0.1', port: 40125, user: 'mqm', credential: { keyFile: '/state dir/client_ed25519' }, hostKey: HOST_KEY },
        },
        queueManagers: { QM1: { name: 'QM1', instances: ['mq1'] } },
      },
    });
  });

  it('loadEstateFile - key files relative to the estate file, passphrase variable kept, port defaulted', async () => {
    const loaded = await loadEstateFile(join(fixtures, 'estates', 'preprod.yaml'));
    expect(loaded.ok && loaded.estate.hosts.mq2).toEqual({
      name: 'mq2',
      address: '10.20.0.12',
      port: 22,
      user: 'mqm',
      credential: { keyFile: join(fixtures, 'keys', 'mq2_ed25519'), passphraseEnv: 'MQ2_KEY_PASSPHRASE' },
      hostKey: 'SHA256:v02tgfF3BCmF9bGiElEQX3qh1B+baB+/qHdtDuhyYao',
    });
  });

  it('loadEstateFile - every error of the file, placed in it', async () => {
    const file = writeEstate(
      [
        'hosts:',
        '  mq1: { address: "mq1;reboot", user: mqm, credential: { env: MQ1_PW, keyFile: k }, hostKey: ' + HOST_KEY + ' }',
        '  mq2: { address: mq2, user: mqm, credential: { passphrase: open-sesame }, hostKey: ' + HOST_KEY + ', port: 70000 }',
        'queueManagers:',
        '  QM1: { instances: [mq1, mq3] }',
      ].join('\n'),
    );
    const loaded = await loadEstateFile(file);
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.errors.map(({ code, line, column, pointer, message }) => ({ code, line, column, pointer, message }))).toEqual([
      {
        code: 'MQC-SUITE-MQ-NAME',
        line: 2,
        column: 19,
        pointer: '/hosts/mq1/address',
        message: 'host address "mq1;reboot" contains ";": a DNS name (letters, digits, hyphens, dots), an IPv4 address or an IPv6 address',
      },
      { code: 'MQC-SUITE-SCHEMA', line: 2, column: 56, pointer: '/hosts/mq1/credential', message: 'must have only one of env, keyFile, not several' },
      { code: 'MQC-SUITE-SCHEMA', line: 3, column: 47, pointer: '/hosts/mq2/credential', message: 'must have one of env, keyFile' },
      {
        code: 'MQC-SUITE-INLINE-SECRET',
        line: 3,
        column: 49,
        pointer: '/hosts/mq2/credential/passphrase',
        message: 'inline secret: "passphrase" holds a secret written into the file; secrets are never stored in suites or estates',
      },
      { code: 'MQC-SUITE-SCHEMA', line: 3, column: 143, pointer: '/hosts/mq2/port', message: 'must be at most 65535, got number 70000' },
      {
        code: 'MQC-SUITE-UNDECLARED-HOST',
        line: 5,
        column: 27,
        pointer: '/queueManagers/QM1/instances/1',
        message: 'queue manager QM1 has an instance on host "mq3", which the estate does not declare',
      },
    ]);
  });

  it('loadEstateFile - MQ client connection info: channel, listener ports, the client library folder relative to the file', async () => {
    const file = writeEstate(
      [
        'hosts:',
        `  mq1: { address: 127.0.0.1, port: 40123, user: mqm, credential: { keyFile: k }, hostKey: ${HOST_KEY} }`,
        `  mq2: { address: 127.0.0.1, port: 40124, user: mqm, credential: { keyFile: k }, hostKey: ${HOST_KEY} }`,
        'queueManagers:',
        '  QM1: { instances: [mq1, mq2], channel: DEV.APP.SVRCONN, listeners: { mq1: 41414, mq2: 41415 } }',
        'mqClient: { libraryDir: lib/native }',
      ].join('\n'),
    );
    const loaded = await loadEstateFile(file);
    expect(loaded.ok && loaded.estate.queueManagers.QM1).toEqual({ name: 'QM1', instances: ['mq1', 'mq2'], channel: 'DEV.APP.SVRCONN', listeners: { mq1: 41414, mq2: 41415 } });
    expect(loaded.ok && loaded.estate.mqClient).toEqual({ libraryDir: join(dirname(file), 'lib', 'native') });
  });

  it('loadEstateFile - channel names of at most 20 characters, ports 1-65535, listeners only on instance hosts', async () => {
    const file = writeEstate(
      [
        'hosts:',
        `  mq1: { address: 127.0.0.1, user: mqm, credential: { keyFile: k }, hostKey: ${HOST_KEY} }`,
        `  mq3: { address: 127.0.0.1, user: mqm, credential: { keyFile: k }, hostKey: ${HOST_KEY} }`,
        'queueManagers:',
        '  QM1: { instances: [mq1], channel: DEV.APP.SVRCONN.TOO.LONG, listeners: { mq1: 0, mq3: 1414 } }',
      ].join('\n'),
    );
    const loaded = await loadEstateFile(file);
    expect(!loaded.ok && loaded.errors.map(({ code, pointer }) => ({ code, pointer }))).toEqual([
      { code: 'MQC-SUITE-MQ-NAME', pointer: '/queueManagers/QM1/channel' },
      { code: 'MQC-SUITE-SCHEMA', pointer: '/queueManagers/QM1/listeners/mq1' },
      { code: 'MQC-SUITE-LISTENER-HOST', pointer: '/queueManagers/QM1/listeners/mq3' },
    ]);
    expect(!loaded.ok && loaded.errors[2]?.message).toBe('queue manager QM1 has a listener on host "mq3", which runs none of its instances');
  });

  it('loadEstateFile - a file that is not there', async () => {
    const file = join(fixtures, 'estates', 'absent.yaml');
    expect(await loadEstateFile(file)).toEqual({
      ok: false,
      errors: [{ code: 'MQC-SUITE-FILE', file, line: 1, column: 1, pointer: '', message: 'cannot read estate file: no such file' }],
    });
  });
});
