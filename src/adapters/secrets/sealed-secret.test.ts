import { randomBytes } from 'node:crypto';
import { isSealedSecret, open, seal } from './sealed-secret';

const keyNamed = (id: string) => ({ id, material: randomBytes(32) });
const TOKEN = `ghp_${'A1b2C3d4E5'.repeat(4)}`;

describe('sealing a secret with AES-256-GCM', () => {
  const current = keyNamed('current');

  it('opens what it sealed, and the sealed value does not contain the secret', () => {
    const sealed = seal(current, 'secret:github-token', TOKEN);
    expect(isSealedSecret(sealed)).toBe(true);
    expect(sealed.keyId).toBe('current');
    expect(JSON.stringify(sealed)).not.toContain(TOKEN);
    expect(JSON.stringify(sealed)).not.toContain(Buffer.from(TOKEN).toString('base64'));
    expect(open([current], 'secret:github-token', sealed)).toEqual({ ok: true, plaintext: TOKEN });
  });

  it('uses a fresh IV every time', () => {
    const a = seal(current, 'slot', TOKEN);
    const b = seal(current, 'slot', TOKEN);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('detects a changed ciphertext, tag or IV', () => {
    const sealed = seal(current, 'slot', TOKEN);
    const flip = (text: string) => {
      const bytes = Buffer.from(text, 'base64');
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString('base64');
    };
    expect(open([current], 'slot', { ...sealed, ciphertext: flip(sealed.ciphertext) })).toEqual({ ok: false, reason: 'tampered' });
    expect(open([current], 'slot', { ...sealed, tag: flip(sealed.tag) })).toEqual({ ok: false, reason: 'tampered' });
    expect(open([current], 'slot', { ...sealed, iv: flip(sealed.iv) })).toEqual({ ok: false, reason: 'tampered' });
  });

  it('refuses a truncated tag rather than checking fewer bytes', () => {
    const sealed = seal(current, 'slot', TOKEN);
    const short = Buffer.from(sealed.tag, 'base64').subarray(0, 4).toString('base64');
    expect(open([current], 'slot', { ...sealed, tag: short })).toEqual({ ok: false, reason: 'tampered' });
  });

  it('binds the value to its slot and its key id', () => {
    const other = keyNamed('other');
    const sealed = seal(current, 'secret:github-token', TOKEN);
    expect(open([current], 'secret:slack-bot-token', sealed)).toEqual({ ok: false, reason: 'tampered' });
    // Relabelled as sealed by another configured key: that key cannot open it, and the label is authenticated.
    expect(open([current, { ...other, material: current.material }], 'secret:github-token', { ...sealed, keyId: 'other' })).toEqual({
      ok: false,
      reason: 'tampered',
    });
  });

  it('opens with any configured key and says when the key is gone', () => {
    const old = keyNamed('old');
    const sealed = seal(old, 'slot', TOKEN);
    expect(open([current, old], 'slot', sealed)).toEqual({ ok: true, plaintext: TOKEN });
    expect(open([current], 'slot', sealed)).toEqual({ ok: false, reason: 'unknown-key' });
  });

  it('recognises only the sealed shape', () => {
    expect(isSealedSecret(TOKEN)).toBe(false);
    expect(isSealedSecret({ format: 'flow-metrics-sealed/1', keyId: 'k' })).toBe(false);
  });
});
