import type { SignalName } from './truth-log.ts';

export interface LabProcess {
  readonly pid: number;
  readonly ppid: number;
  readonly user: string;
  /** Full command line as `ps -ef` shows it. */
  readonly command: string;
  readonly startedAtMs: number;
  /** Controlling terminal as `ps` shows it; '?' for daemons. */
  readonly tty: string;
  /** Who decides what a signal does; without one, any terminating signal ends the process. */
  readonly onSignal?: (signal: SignalName) => void;
}

export interface SpawnRequest {
  user: string;
  command: string;
  ppid: number;
  tty?: string;
  onSignal?: (signal: SignalName) => void;
}

type ExitListener = (process: LabProcess) => void;

/** One host's processes. Pids are unique and increasing per host, as on Linux until wrap-around. */
export class ProcessTable {
  private readonly processes = new Map<number, LabProcess>();
  private readonly exitListeners: ExitListener[] = [];
  private nextPid: number;

  constructor(
    private readonly nowMs: () => number,
    firstPid: number,
  ) {
    this.nextPid = firstPid;
  }

  spawn(request: SpawnRequest): LabProcess {
    return this.add({ ...request, pid: this.nextPid++, startedAtMs: this.nowMs() });
  }

  /** For processes with fixed pids (init is 1, kthreadd is 2). */
  spawnWithPid(pid: number, request: SpawnRequest): LabProcess {
    if (this.processes.has(pid)) throw new Error(`pid ${pid} is already in use`);
    this.nextPid = Math.max(this.nextPid, pid + 1);
    return this.add({ ...request, pid, startedAtMs: this.nowMs() });
  }

  get(pid: number): LabProcess | undefined {
    return this.processes.get(pid);
  }

  /** All processes in pid order. */
  list(): LabProcess[] {
    return [...this.processes.values()].sort((a, b) => a.pid - b.pid);
  }

  /** Ends a process (its exit listeners run, e.g. the NFS client drops its locks). No-op if already gone. */
  exit(pid: number): LabProcess | undefined {
    const process = this.processes.get(pid);
    if (!process) return undefined;
    this.processes.delete(pid);
    for (const listener of this.exitListeners) listener(process);
    return process;
  }

  onExit(listener: ExitListener): void {
    this.exitListeners.push(listener);
  }

  private add(fields: SpawnRequest & { pid: number; startedAtMs: number }): LabProcess {
    const process: LabProcess = { ...fields, tty: fields.tty ?? '?' };
    this.processes.set(process.pid, process);
    return process;
  }
}
