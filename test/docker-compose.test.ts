import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../cli/state-paths.ts';

// No Docker engine runs where the tests run, so docker-compose.yml is checked statically.
interface Service {
  image?: string;
  build?: unknown;
  depends_on?: Record<string, { condition: string }> | string[];
  volumes?: string[];
  ports?: string[];
  environment?: string[] | Record<string, string>;
}
const compose = parse(readFileSync(join(packageRoot, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const services = Object.entries(compose.services);

describe('docker-compose.yml', () => {
  it('compose - has the Temporal server, its UI and database, a worker and IBM MQ containers', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['postgresql', 'temporal', 'temporal-ui', 'worker', 'mq1', 'mq2']),
    );
  });

  it('compose - every image is pinned to a version, never latest', () => {
    for (const [name, service] of services) {
      if (!service.image) {
        expect(service.build, `${name} has neither image nor build`).toBeDefined();
        continue;
      }
      expect(service.image, name).toMatch(/:[0-9][\w.-]*$/);
    }
  });

  it('compose - dependencies name defined services with valid conditions', () => {
    const conditions = ['service_started', 'service_healthy', 'service_completed_successfully'];
    for (const [name, service] of services) {
      const deps = service.depends_on ?? {};
      const entries = Array.isArray(deps) ? deps.map((d) => [d, { condition: 'service_started' }] as const) : Object.entries(deps);
      for (const [dep, { condition }] of entries) {
        expect(compose.services[dep], `${name} depends on undefined ${dep}`).toBeDefined();
        expect(conditions, `${name} → ${dep}`).toContain(condition);
      }
    }
  });

  it('compose - named volumes are declared and mounted files exist in the repository', () => {
    for (const [name, service] of services) {
      for (const volume of service.volumes ?? []) {
        const [source] = volume.split(':');
        const runOutput = source === './reports/out';
        if (source!.startsWith('.')) {
          if (!runOutput) expect(existsSync(join(packageRoot, source!)), `${name}: ${source}`).toBe(true);
        } else expect(compose.volumes[source!], `${name}: volume ${source}`).toBeDefined();
      }
    }
  });

  it('compose - host ports are not published twice and the worker points at the compose Temporal server', () => {
    const hostPorts = services.flatMap(([, s]) => (s.ports ?? []).map((p) => p.split(':')[0]));
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
    expect(compose.services.worker!.environment).toContain('TEMPORAL_ADDRESS=temporal:7233');
  });
});
