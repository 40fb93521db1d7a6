// The one ed25519 key generator is the lab's (tests may import lab/; harness code may not).
export { generateEd25519KeyPair } from '../../lab/ssh/lab-credentials.ts';
