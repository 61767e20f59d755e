/**
 * The app's sealing keys, read from an encrypted Forge environment variable.
 *
 *   FLOW_METRICS_SEALING_KEYS = "<keyId>:<base64 of 32 random bytes>[,<older keyId>:<base64>...]"
 *
 * Newest first: the first key seals, every listed key can open. Rotation is "put a new key in front, run the
 * re-seal, then drop the old key". Set it with `forge variables set --encrypt FLOW_METRICS_SEALING_KEYS …`
 * (see docs/settings.md). The variable is read on every use, so a redeploy with new keys takes effect at once.
 *
 * Problems are described by entry position only: a message must never quote key material.
 */
export const SEALING_KEYS_VARIABLE = 'FLOW_METRICS_SEALING_KEYS';

/** AES-256 keys are 32 bytes. */
const SEALING_KEY_BYTES = 32;

/** Key ids travel inside sealed values and into the UI, so they are short names, nothing more. */
const KEY_ID = /^[A-Za-z0-9._-]{1,40}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

export interface SealingKey {
  id: string;
  material: Buffer;
}

export type SealingKeyRing =
  { configured: true; keys: [SealingKey, ...SealingKey[]]; problem: null } | { configured: false; keys: []; problem: string | null };

const notConfigured = (problem: string | null): SealingKeyRing => ({ configured: false, keys: [], problem });

export function parseSealingKeyRing(value: string | undefined): SealingKeyRing {
  if (value === undefined || value.trim() === '') return notConfigured(null);
  const keys: SealingKey[] = [];
  const entries = value.split(',').map((entry) => entry.trim());
  for (const [index, entry] of entries.entries()) {
    const position = `entry ${index + 1} of ${SEALING_KEYS_VARIABLE}`;
    const separator = entry.indexOf(':');
    if (separator < 0) return notConfigured(`${position} is not "keyId:base64Key".`);
    const id = entry.slice(0, separator);
    const encoded = entry.slice(separator + 1);
    if (!KEY_ID.test(id)) return notConfigured(`${position} has a key id that is not 1–40 letters, digits, ".", "_" or "-".`);
    if (keys.some((key) => key.id === id)) return notConfigured(`${position} repeats the key id "${id}".`);
    const material = BASE64.test(encoded)
      ? Buffer.from(encoded, encoded.includes('-') || encoded.includes('_') ? 'base64url' : 'base64')
      : null;
    if (!material || material.length !== SEALING_KEY_BYTES) {
      return notConfigured(`${position} (key id "${id}") is not the base64 encoding of ${SEALING_KEY_BYTES} bytes.`);
    }
    keys.push({ id, material });
  }
  const [newest, ...older] = keys;
  if (!newest) return notConfigured(null);
  return { configured: true, keys: [newest, ...older], problem: null };
}

/** The key ring this invocation runs with, from the app's environment. */
export function sealingKeyRingFromEnvironment(environment: NodeJS.ProcessEnv = process.env): SealingKeyRing {
  return parseSealingKeyRing(environment[SEALING_KEYS_VARIABLE]);
}
