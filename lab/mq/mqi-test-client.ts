import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { STAND_IN_LIBRARY_DIR } from '../native/stand-in-library.ts';

export type MqiAnswer = { ok: true } & Record<string, unknown>;
export type MqiFailure = { ok: false; mqcc: number; mqrc: number; message: string };

const DRIVER = fileURLToPath(new URL('./mqi-driver-process.ts', import.meta.url));

/**
 * Test support: an MQI application in its own process (mqi-driver-process.ts), using
 * the ibmmq package with the stand-in library on LD_LIBRARY_PATH. `env` may add
 * MQCLNTCF (reconnect delays) and the like.
 */
export class MqiTestClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly answers: ((line: string) => void)[] = [];
  private stderr = '';

  constructor(env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, ['--import', 'tsx', DRIVER], {
      env: { ...process.env, ...env, LD_LIBRARY_PATH: STAND_IN_LIBRARY_DIR },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    createInterface({ input: this.child.stdout }).on('line', (line) => this.answers.shift()?.(line));
  }

  /** Sends one command and waits for its answer (at most `timeoutMs`). */
  send(command: { op: string } & Record<string, unknown>, timeoutMs = 20_000): Promise<MqiAnswer | MqiFailure> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${command.op} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.answers.push((line) => {
        clearTimeout(timer);
        resolve(JSON.parse(line) as MqiAnswer | MqiFailure);
      });
      this.child.stdin.write(`${JSON.stringify(command)}\n`);
    });
  }

  /** Like send, but fails the test unless the call succeeded. */
  async ok(command: { op: string } & Record<string, unknown>, timeoutMs?: number): Promise<MqiAnswer> {
    const answer = await this.send(command, timeoutMs);
    if (!answer.ok) throw new Error(`${command.op} failed: ${answer.message}`);
    return answer;
  }

  /** The reason code of a call expected to fail (0 if it succeeded). */
  async reasonOf(command: { op: string } & Record<string, unknown>, timeoutMs?: number): Promise<number> {
    const answer = await this.send(command, timeoutMs);
    return answer.ok ? 0 : answer.mqrc;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.stdin.end();
    });
  }
}
