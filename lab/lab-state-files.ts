import { join } from 'node:path';

/** Where a lab keeps its files inside its state directory. */
export interface LabStateFiles {
  truthLog: string;
  /** Written last at start-up: the ready marker. */
  labJson: string;
  estateFile: string;
  /** Generated once unless MQCHAOS_LAB_PASSWORD is set. */
  password: string;
  /** Private key accepted by every host; the public half is `${clientKey}.pub`. */
  clientKey: string;
  hostKey(host: string): string;
}

export function locateLabStateFiles(stateDir: string): LabStateFiles {
  return {
    truthLog: join(stateDir, 'truth.jsonl'),
    labJson: join(stateDir, 'lab.json'),
    estateFile: join(stateDir, 'estate.yaml'),
    password: join(stateDir, 'ssh-password'),
    clientKey: join(stateDir, 'client_ed25519'),
    hostKey: (host) => join(stateDir, 'hosts', host, 'ssh_host_ed25519_key'),
  };
}

/** lab.json: the running lab, for `mqchaos lab` and for tests. */
export interface LabInfo {
  pid: number;
  /** Absolute path of the topology file. */
  topology: string;
  /** ISO 8601. */
  startedAt: string;
  estateFile: string;
  truthLog: string;
  hosts: Record<string, { sshPort: number }>;
}
