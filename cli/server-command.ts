import { startDevServer } from './dev-server.ts';

/** `mqchaos server`: the embedded dev server in the foreground, to browse run history in its Web UI. */
export async function serverCommand(): Promise<number> {
  const server = await startDevServer();
  process.stdout.write(`Temporal dev server at ${server.address}; Web UI ${server.uiAddress}\n`);
  if (!server.owned) {
    process.stdout.write('(already running from this state directory; leaving it as it is)\n');
    return 0;
  }
  process.stdout.write('Ctrl-C to stop.\n');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.stop();
  return 0;
}
