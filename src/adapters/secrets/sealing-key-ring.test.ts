import { randomBytes } from 'node:crypto';
import { parseSealingKeyRing, sealingKeyRingFromEnvironment, SEALING_KEYS_VARIABLE } from './sealing-key-ring';

const key = () => randomBytes(32).toString('base64');

describe('the sealing key ring', () => {
  it('is not configured when the variable is absent or blank', () => {
    expect(parseSealingKeyRing(undefined)).toEqual({ configured: false, keys: [], problem: null });
    expect(parseSealingKeyRing('  ')).toEqual({ configured: false, keys: [], problem: null });
  });

  it('reads keys newest first, in standard or URL-safe base64', () => {
    const urlSafe = randomBytes(32).toString('base64url');
    const ring = parseSealingKeyRing(`2026-03:${key()}, 2025-09:${urlSafe}`);
    expect(ring.configured).toBe(true);
    expect(ring.keys.map((k) => k.id)).toEqual(['2026-03', '2025-09']);
    expect(ring.keys.every((k) => k.material.length === 32)).toBe(true);
  });

  it('reads the Forge environment variable', () => {
    expect(sealingKeyRingFromEnvironment({ [SEALING_KEYS_VARIABLE]: `k1:${key()}` }).keys[0]?.id).toBe('k1');
  });

  it.each([
    ['no separator', () => key()],
    ['a short key', () => `k1:${randomBytes(16).toString('base64')}`],
    ['a bad key id', () => `k 1:${key()}`],
    ['a repeated key id', () => `k1:${key()},k1:${key()}`],
    ['not base64', () => 'k1:this is not base64!'],
  ])('refuses %s, naming the entry but never the key', (_, value) => {
    const text = value();
    const ring = parseSealingKeyRing(text);
    expect(ring.configured).toBe(false);
    expect(ring.problem).toMatch(/entry \d of FLOW_METRICS_SEALING_KEYS/);
    const material = text.split(',').map((entry) => entry.split(':').pop()!);
    for (const secret of material) if (secret.length > 8) expect(ring.problem).not.toContain(secret);
  });
});
