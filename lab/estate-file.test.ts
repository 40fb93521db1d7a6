import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { renderEstateYaml } from './estate-file.ts';
import { createTestEstate } from './test-estate.ts';

describe('estate file - rendering', () => {
  it('estate file - has the header, one entry per host and the queue managers, and reads back as YAML', () => {
    const { topology } = createTestEstate();
    const yaml = renderEstateYaml(
      topology,
      [
        { name: 'mq1', port: 40123, hostKey: 'SHA256:abc+/def' },
        { name: 'nfs1', port: 40125, hostKey: 'SHA256:xyz' },
      ],
      '/state dir/client_ed25519',
    );
    expect(yaml.split('\n').slice(0, 8)).toEqual([
      "# Written by mqchaos lab up for topology test; ports and host keys are this lab's real ones.",
      'hosts:',
      '  mq1:',
      '    address: 127.0.0.1',
      '    port: 40123',
      '    user: mqm',
      '    credential: { keyFile: "/state dir/client_ed25519" }',
      '    hostKey: SHA256:abc+/def',
    ]);
    expect(parseYaml(yaml)).toEqual({
      hosts: {
        mq1: { address: '127.0.0.1', port: 40123, user: 'mqm', credential: { keyFile: '/state dir/client_ed25519' }, hostKey: 'SHA256:abc+/def' },
        nfs1: { address: '127.0.0.1', port: 40125, user: 'mqm', credential: { keyFile: '/state dir/client_ed25519' }, hostKey: 'SHA256:xyz' },
      },
      queueManagers: { QM1: { instances: ['mq1', 'mq2'] } },
    });
  });
});
