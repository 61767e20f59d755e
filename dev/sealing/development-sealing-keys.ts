import { createHash } from 'node:crypto';
import { SEALING_KEYS_VARIABLE } from '../../src/adapters/secrets/sealing-key-ring';

/**
 * The sealing key the local platform configures, so tokens can be connected on the simulated site without
 * any setup. It is derived from a fixed phrase, so the same key comes back on every start and secrets kept
 * in `.local/` stay readable; it protects nothing and must never be used on a real deployment, where the key
 * comes from `forge variables set --encrypt` (see docs/settings.md).
 */
const DEVELOPMENT_SEALING_KEY_ID = 'local-development';

export function developmentSealingKeys(): string {
  const material = createHash('sha256').update('flow-metrics: local development sealing key, not a secret').digest('base64');
  return `${DEVELOPMENT_SEALING_KEY_ID}:${material}`;
}

/** The Forge environment variables the local platform gives the app. */
export function developmentForgeVariables(): Record<string, string> {
  return { [SEALING_KEYS_VARIABLE]: developmentSealingKeys() };
}
