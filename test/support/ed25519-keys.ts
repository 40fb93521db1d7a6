import ssh2 from 'ssh2';

type GeneratedKeyPair = ReturnType<typeof ssh2.utils.generateKeyPairSync>;

/**
 * An ed25519 key pair for SSH tests that ssh2 can read back: its generator writes a
 * malformed OpenSSH private key about once in 250 tries (the lab guards its own keys the same way).
 */
export function generateEd25519KeyPair(options: Parameters<typeof ssh2.utils.generateKeyPairSync>[1] = {}): GeneratedKeyPair {
  for (let attempt = 1; ; attempt++) {
    const generated = ssh2.utils.generateKeyPairSync('ed25519', options);
    const parsed = ssh2.utils.parseKey(generated.private, 'passphrase' in options ? options.passphrase : undefined);
    if (!(parsed instanceof Error)) return generated;
    if (attempt === 20) throw new Error(`ssh2 generated 20 unreadable ed25519 keys in a row: ${parsed.message}`);
  }
}
