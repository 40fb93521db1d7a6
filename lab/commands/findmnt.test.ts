import { describe, expect, it } from 'vitest';
import { createTestEstate, runOn } from '../test-estate.ts';

describe('findmnt - mounts of a lab host', () => {
  it('findmnt - lists the NFSv4 hard mounts of queue-manager data and logs on MQ hosts only', async () => {
    const lab = createTestEstate();
    const { stdout } = await runOn(lab, 'mq1', 'findmnt -n -t nfs4 -o SOURCE,TARGET');
    expect(stdout).toBe('10.0.0.5:/export/mqm/log   /var/mqm/log\n10.0.0.5:/export/mqm/qmgrs /var/mqm/qmgrs\n');
    expect((await runOn(lab, 'app1', 'findmnt -n -t nfs4')).exitCode).toBe(1);
  });
});
