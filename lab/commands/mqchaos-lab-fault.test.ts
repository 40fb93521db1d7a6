import { describe, expect, it } from 'vitest';
import { LabMqService } from '../mq/lab-mq-service.ts';
import { createTestEstate, runOn } from '../test-estate.ts';

describe('mqchaos-lab-fault', () => {
  it('mqchaos-lab-fault - arms a fault on a queue and records it in the truth log', async () => {
    const lab = createTestEstate();
    new LabMqService(lab.estate);
    const result = await runOn(lab, 'mq1', 'mqchaos-lab-fault duplicate-next-delivery QM1 DEV.QUEUE.1');
    expect(result).toEqual({ stdout: 'armed duplicate-next-delivery on QM1 DEV.QUEUE.1\n', stderr: '', exitCode: 0 });
    expect(lab.events.find((e) => e.event === 'lab-fault-armed')).toMatchObject({ qm: 'QM1', queue: 'DEV.QUEUE.1', fault: 'duplicate-next-delivery' });
  });

  it('mqchaos-lab-fault - usage, unknown queue manager and unknown queue', async () => {
    const lab = createTestEstate();
    new LabMqService(lab.estate);
    expect((await runOn(lab, 'mq1', 'mqchaos-lab-fault lose-everything QM1 DEV.QUEUE.1')).exitCode).toBe(2);
    expect(await runOn(lab, 'mq1', 'mqchaos-lab-fault reorder-next-deliveries QM9 DEV.QUEUE.1')).toMatchObject({ exitCode: 1, stderr: 'mqchaos-lab-fault: no queue manager QM9 in this lab\n' });
    expect(await runOn(lab, 'mq1', 'mqchaos-lab-fault reorder-next-deliveries QM1 NO.QUEUE')).toMatchObject({ exitCode: 1, stderr: 'mqchaos-lab-fault: QM1 has no queue NO.QUEUE\n' });
  });
});
