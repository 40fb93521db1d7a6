import { describe, expect, it } from 'vitest';
import type { EstateSpec, HostSpec } from '../../suites/suite-model.ts';
import { ClientEndpointMissing, resolveClientEndpoint } from './client-endpoint.ts';

function host(name: string, address: string): HostSpec {
  return { name, address, port: 22, user: 'mqm', credential: { env: 'PW' }, hostKey: `SHA256:${'A'.repeat(43)}` };
}

const estate: EstateSpec = {
  hosts: { mq1: host('mq1', '10.0.0.11'), mq2: host('mq2', '10.0.0.12') },
  queueManagers: { QM1: { name: 'QM1', instances: ['mq2', 'mq1'], channel: 'APP.SVRCONN', listeners: { mq1: 1414, mq2: 1415 } } },
};

describe('resolveClientEndpoint', () => {
  it('resolveClientEndpoint - lists every instance listener in instance order, with the channel', () => {
    expect(resolveClientEndpoint(estate, 'QM1', undefined, {})).toEqual({
      queueManager: 'QM1',
      channel: 'APP.SVRCONN',
      connectionNames: ['10.0.0.12(1415)', '10.0.0.11(1414)'],
      libraryDir: null,
    });
  });

  it('resolveClientEndpoint - the estate library folder wins over the environment, which wins over the default path', () => {
    expect(resolveClientEndpoint({ ...estate, mqClient: { libraryDir: '/opt/lab/lib' } }, 'QM1', undefined, { MQCHAOS_MQ_CLIENT_LIB_DIR: '/env/lib' }).libraryDir).toBe('/opt/lab/lib');
    expect(resolveClientEndpoint(estate, 'QM1', undefined, { MQCHAOS_MQ_CLIENT_LIB_DIR: '/env/lib' }).libraryDir).toBe('/env/lib');
  });

  it('resolveClientEndpoint - a scenario channel overrides the estate one', () => {
    expect(resolveClientEndpoint(estate, 'QM1', 'OTHER.SVRCONN', {}).channel).toBe('OTHER.SVRCONN');
  });

  it('resolveClientEndpoint - an estate without a channel or listeners is refused in words', () => {
    const bare: EstateSpec = { ...estate, queueManagers: { QM1: { name: 'QM1', instances: ['mq1', 'mq2'] } } };
    expect(() => resolveClientEndpoint(bare, 'QM1', undefined, {})).toThrow(ClientEndpointMissing);
    expect(() => resolveClientEndpoint(bare, 'QM1', 'APP.SVRCONN', {})).toThrow('the estate gives no listener for QM1 on its instance hosts (queueManagers.QM1.listeners)');
  });
});
