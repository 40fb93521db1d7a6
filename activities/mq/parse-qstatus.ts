import { errorMessages, MqscDisplayError, toCount } from './mqsc-display-error.ts';
import type { MqscResponse } from './parse-runmqsc.ts';

/**
 * DISPLAY QSTATUS (AMQ8450I, TYPE(QUEUE)) and DISPLAY QLOCAL (AMQ8409I) objects read for
 * what a probe watches: depth and open handles (mq-reference.md §2.2). A count that was not
 * displayed is null.
 */
export interface QueueStatusRecord {
  queue: string;
  depth: number | null;
  openInput: number | null;
  openOutput: number | null;
  /** UNCOM: uncommitted messages on the queue (YES/NO, or a count on newer levels); null when not shown. */
  uncommitted: boolean | null;
}

export function readQueueStatuses(response: MqscResponse): QueueStatusRecord[] {
  const errors = errorMessages(response.messages);
  if (errors.length > 0) throw new MqscDisplayError(response.command, errors);
  return response.objects.map(({ attributes }) => ({
    queue: attributes.QUEUE ?? '',
    depth: toCount(attributes.CURDEPTH),
    openInput: toCount(attributes.IPPROCS),
    openOutput: toCount(attributes.OPPROCS),
    uncommitted: attributes.UNCOM === undefined ? null : attributes.UNCOM !== 'NO' && attributes.UNCOM !== '0',
  }));
}
