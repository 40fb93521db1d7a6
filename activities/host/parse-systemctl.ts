/** `systemctl is-enabled UNIT`: the unit file state printed, or null when systemd knows no such unit. */
export function parseUnitFileState(stdout: string, stderr: string): string | null {
  if (/Failed to get unit file state|No such file or directory/.test(stderr)) return null;
  return stdout.trim().split('\n')[0] || null;
}

/** States under which systemd starts the unit at boot (systemctl(1) is-enabled table). */
export function startsAtBoot(state: string): boolean {
  return ['enabled', 'enabled-runtime', 'alias', 'indirect', 'generated'].includes(state);
}
