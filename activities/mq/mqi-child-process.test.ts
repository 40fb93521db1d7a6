import { describe, expect, it } from 'vitest';
import { mqiChildEnvironment } from './mqi-child-process.ts';

describe('mqiChildEnvironment', () => {
  const worker = {
    PATH: '/usr/bin',
    HOME: '/home/mqchaos',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    MQSERVER: 'DEV.APP.SVRCONN/TCP/mq1(1414)',
    MQIJS_NOREDIST: 'true',
    LD_LIBRARY_PATH: '/opt/other',
    MQ1_SSH_PASSWORD: 'hunter2',
    MQ_PASSPHRASE: 'hunter3',
    SSH_AUTH_SOCK: '/tmp/ssh-agent.sock',
    AWS_SECRET_ACCESS_KEY: 'x',
    GITHUB_TOKEN: 'y',
    TEMPORAL_ADDRESS: 'temporal:7233',
  };

  it('mqiChildEnvironment - passes the system basics, the MQ client and ibmmq variables, the library folder first', () => {
    expect(mqiChildEnvironment(worker, '/opt/mqm/lib64')).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/mqchaos',
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      MQSERVER: 'DEV.APP.SVRCONN/TCP/mq1(1414)',
      MQIJS_NOREDIST: 'true',
      LD_LIBRARY_PATH: '/opt/mqm/lib64:/opt/other',
    });
  });

  it('mqiChildEnvironment - SSH credentials, the agent socket and other secrets stay with the worker', () => {
    const child = mqiChildEnvironment(worker, null);
    for (const name of ['MQ1_SSH_PASSWORD', 'MQ_PASSPHRASE', 'SSH_AUTH_SOCK', 'AWS_SECRET_ACCESS_KEY', 'GITHUB_TOKEN', 'TEMPORAL_ADDRESS']) {
      expect(child).not.toHaveProperty(name);
    }
    expect(child.LD_LIBRARY_PATH).toBe('/opt/other');
  });
});
