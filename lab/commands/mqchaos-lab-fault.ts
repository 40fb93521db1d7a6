import { LAB_FAULT_KINDS } from '../mq/lab-fault-switch.ts';
import { findMqService } from '../mq/lab-mq-service.ts';
import type { LabFaultKind } from '../mq/mq-truth-events.ts';
import { makeCommandResult, type CommandHandler } from './command-types.ts';

const USAGE = `usage: mqchaos-lab-fault ${LAB_FAULT_KINDS.join('|')} QMGR QUEUE`;

/**
 * TEST ONLY, and only in the lab: arms a one-shot message misbehaviour on a queue so a
 * test can show that the harness's checker catches it (lab/mq/lab-fault-switch.ts).
 * Real hosts have no such command.
 */
export const runMqchaosLabFault: CommandHandler = (args, { estate }) => {
  const [fault, qm, queue, ...rest] = args;
  if (!fault || !qm || !queue || rest.length > 0 || !LAB_FAULT_KINDS.includes(fault as LabFaultKind)) return makeCommandResult([], 2, [USAGE]);
  const service = findMqService(estate);
  const store = service?.storeOf(qm);
  if (!service || !store) return makeCommandResult([], 1, [`mqchaos-lab-fault: no queue manager ${qm} in this lab`]);
  if (!store.queues.has(queue)) return makeCommandResult([], 1, [`mqchaos-lab-fault: ${qm} has no queue ${queue}`]);
  service.faults.arm(fault as LabFaultKind, qm, queue);
  return makeCommandResult([`armed ${fault} on ${qm} ${queue}`]);
};
