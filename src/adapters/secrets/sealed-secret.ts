import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SealingKey } from './sealing-key-ring';

/**
 * A secret sealed with AES-256-GCM under one of the app's keys, as it is handed to `kvs.setSecret`.
 *
 * - `keyId` names the key, so any configured key can open it and the re-seal can tell which are old.
 * - The IV is 12 random bytes, fresh for every seal: GCM must never see a key and IV twice.
 * - The additional authenticated data binds the format, the key id and the slot the value was sealed for,
 *   so a sealed GitHub token moved into the Slack slot, or a value relabelled with another key id, fails to
 *   open instead of being used.
 * - The 16-byte tag is checked on opening: any change to the stored value is detected.
 */
const SEALED_FORMAT = 'flow-metrics-sealed/1';

export interface SealedSecret {
  format: typeof SEALED_FORMAT;
  keyId: string;
  iv: string;
  ciphertext: string;
  tag: string;
  sealedAt: string;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function associatedData(keyId: string, slot: string): Buffer {
  return Buffer.from(`${SEALED_FORMAT}|${keyId}|${slot}`, 'utf8');
}

export function seal(key: SealingKey, slot: string, plaintext: string, sealedAt: Date = new Date()): SealedSecret {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key.material, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(key.id, slot));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    format: SEALED_FORMAT,
    keyId: key.id,
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    sealedAt: sealedAt.toISOString(),
  };
}

export type OpenResult = { ok: true; plaintext: string } | { ok: false; reason: 'unknown-key' | 'tampered' };

export function open(keys: readonly SealingKey[], slot: string, sealed: SealedSecret): OpenResult {
  const key = keys.find((candidate) => candidate.id === sealed.keyId);
  if (!key) return { ok: false, reason: 'unknown-key' };
  const iv = Buffer.from(sealed.iv, 'base64');
  const tag = Buffer.from(sealed.tag, 'base64');
  // A short tag would weaken the authentication check: accept exactly the length this code writes.
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return { ok: false, reason: 'tampered' };
  try {
    const decipher = createDecipheriv(ALGORITHM, key.material, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(sealed.keyId, slot));
    decipher.setAuthTag(tag);
    const plaintext = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
    return { ok: true, plaintext: plaintext.toString('utf8') };
  } catch {
    return { ok: false, reason: 'tampered' };
  }
}

/** Checks a value read back from secret storage has the sealed shape, without trusting any of it. */
export function isSealedSecret(value: unknown): value is SealedSecret {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    record.format === SEALED_FORMAT && ['keyId', 'iv', 'ciphertext', 'tag', 'sealedAt'].every((field) => typeof record[field] === 'string')
  );
}
