import { writeFileSync } from 'node:fs';
import type { Topology } from './topology.ts';

export interface EstateHostEndpoint {
  name: string;
  port: number;
  /** OpenSSH fingerprint, `SHA256:...`. */
  hostKey: string;
}

/** How MQ clients reach the lab's queue managers: channel and listener port per instance host, and the client library. */
export interface EstateMqClients {
  queueManagers: Record<string, { channel: string; listeners: Record<string, number> }>;
  /** Folder of the stand-in libmqm_r.so; absent when it could not be built. */
  libraryDir?: string;
}

/**
 * The estate file of a running lab: the same shape as a suite's inline `estate:`
 * section, with this lab's real ports and host keys and the client key to log in with.
 */
export function renderEstateYaml(topology: Topology, endpoints: EstateHostEndpoint[], clientKeyFile: string, mq?: EstateMqClients): string {
  const lines = [
    `# Written by mqchaos lab up for topology ${topology.name}; ports and host keys are this lab's real ones.`,
    'hosts:',
  ];
  for (const endpoint of endpoints) {
    lines.push(
      `  ${endpoint.name}:`,
      '    address: 127.0.0.1',
      `    port: ${endpoint.port}`,
      `    user: ${quoteYamlScalar(topology.sshUser)}`,
      `    credential: { keyFile: ${quoteYamlScalar(clientKeyFile)} }`,
      `    hostKey: ${quoteYamlScalar(endpoint.hostKey)}`,
    );
  }
  lines.push('queueManagers:');
  for (const qm of topology.queueManagers) {
    lines.push(`  ${qm.name}:`, `    instances: [${qm.instances.join(', ')}]`);
    const clients = mq?.queueManagers[qm.name];
    if (clients) {
      const listeners = Object.entries(clients.listeners).map(([host, port]) => `${host}: ${port}`);
      lines.push(`    channel: ${quoteYamlScalar(clients.channel)}`, `    listeners: { ${listeners.join(', ')} }`);
    }
  }
  if (mq?.libraryDir) lines.push('mqClient:', `  libraryDir: ${quoteYamlScalar(mq.libraryDir)}`);
  return `${lines.join('\n')}\n`;
}

export function writeEstateFile(file: string, yaml: string): void {
  writeFileSync(file, yaml, { mode: 0o644 });
}

/** Plain when YAML would read it back unchanged as a string, double-quoted otherwise. */
function quoteYamlScalar(value: string): string {
  const plain = /^[A-Za-z_/][A-Za-z0-9_/.:+=-]*$/.test(value) && !value.endsWith(':');
  const reserved = /^(true|false|yes|no|on|off|null|y|n)$/i.test(value);
  return plain && !reserved ? value : JSON.stringify(value);
}
