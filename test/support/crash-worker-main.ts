import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { NativeConnection, type ActivityInboundCallsInterceptor } from '@temporalio/worker';
import { Context } from '@temporalio/activity';
import { createMqchaosWorker, installQuietRuntime } from '../../cli/create-worker.ts';

/**
 * An mqchaos worker that a test kills with SIGKILL at a chosen step:
 * `--crash-at <activity>:before` stops (hangs, heartbeating nothing) as that activity starts,
 * `--crash-at <activity>:after` once the real activity has done its work but before it
 * returns; either way it writes `--marker` so the test knows the moment has come. Without
 * `--crash-at` it is a plain worker (the one started after the crash).
 */
const { values } = parseArgs({
  options: { address: { type: 'string' }, 'task-queue': { type: 'string' }, 'crash-at': { type: 'string' }, marker: { type: 'string' } },
});
const [crashActivity, crashMoment] = (values['crash-at'] ?? '').split(':');

class CrashAt implements ActivityInboundCallsInterceptor {
  constructor(private readonly activityType: string) {}
  async execute(input: Parameters<NonNullable<ActivityInboundCallsInterceptor['execute']>>[0], next: Parameters<NonNullable<ActivityInboundCallsInterceptor['execute']>>[1]): Promise<unknown> {
    if (this.activityType !== crashActivity) return next(input);
    if (crashMoment === 'after') await next(input);
    writeFileSync(values.marker!, `${crashActivity}:${crashMoment}\n`);
    return new Promise(() => undefined);
  }
}

installQuietRuntime();
const connection = await NativeConnection.connect({ address: values.address! });
const { worker } = await createMqchaosWorker({
  connection,
  taskQueue: values['task-queue']!,
  ...(crashActivity ? { activityInterceptors: [(ctx: Context) => ({ inbound: new CrashAt(ctx.info.activityType) })] } : {}),
});
process.once('SIGTERM', () => worker.shutdown());
process.stdout.write('polling\n');
await worker.run();
process.exit(0);
