import type { LabEstate } from '../lab-estate.ts';
import type { LabHost } from '../lab-host.ts';

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** What a command running on a lab host can see. */
export interface CommandContext {
  estate: LabEstate;
  host: LabHost;
  /** The SSH user the command runs as. */
  user: string;
  /** Pid of the command's own process (pgrep leaves itself out). */
  pid: number;
  /** The command's standard input, once the client has sent all of it (end of file); only commands that read it ask. */
  readStdin: () => Promise<string>;
}

export type CommandHandler = (args: string[], context: CommandContext) => CommandResult | Promise<CommandResult>;

export function makeCommandResult(stdout: string[] | string, exitCode = 0, stderr: string[] | string = []): CommandResult {
  const text = (lines: string[] | string): string =>
    typeof lines === 'string' ? lines : lines.length === 0 ? '' : `${lines.join('\n')}\n`;
  return { stdout: text(stdout), stderr: text(stderr), exitCode };
}
