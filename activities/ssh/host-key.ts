import { createHash } from 'node:crypto';
import { checkName } from '../../suites/mq-names.ts';
import type { HostSpec } from '../../suites/suite-model.ts';
import { describeEndpoint, HostKeyMismatchError } from './ssh-errors.ts';

/** OpenSSH fingerprint of a public-key blob (SSH wire format): `SHA256:` + unpadded base64. */
export function fingerprintHostKey(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** Why the presented key is refused, or undefined when it is exactly the pinned one. */
export function checkHostKey(host: HostSpec, presented: string): HostKeyMismatchError | undefined {
  const endpoint = describeEndpoint(host.address, host.port);
  const pin = host.hostKey ?? '';
  if (pin.trim() === '') return new HostKeyMismatchError(host.name, endpoint, '', presented, 'unpinned');
  if (checkName('hostKey', pin) !== null) return new HostKeyMismatchError(host.name, endpoint, pin, presented, 'invalid-pin');
  if (pin !== presented) return new HostKeyMismatchError(host.name, endpoint, pin, presented, 'changed');
  return undefined;
}
