import type { SecretName } from '../../ports';

/**
 * A stored secret that no configured sealing key can open: its key was removed from the key ring before the
 * re-seal moved it, or the stored value was altered. Either way the token must be entered again.
 */
export class UnreadableSecretError extends Error {
  constructor(
    readonly secret: SecretName,
    readonly reason: 'unknown-key' | 'tampered' | 'malformed',
  ) {
    super(`The stored ${secret} cannot be opened (${reason}).`);
    this.name = 'UnreadableSecretError';
  }
}

/** What a connection's status says when its stored token is missing or cannot be opened. */
export const DAMAGED_TOKEN_WARNING = 'The stored token is damaged or missing and cannot be used: reconnect with the token again.';
