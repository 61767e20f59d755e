import { expect } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { KvsEmulator } from '../../../dev/kvs';
import { installKvsForTests, type InstalledKvs } from '../../../dev/kvs/install-for-tests';
import { KvsSecretVault } from './kvs-secret-vault';
import { parseSealingKeyRing, type SealingKeyRing } from './sealing-key-ring';

const GITHUB_TOKEN = `github_pat_${'11ABCDEFG0'.repeat(3)}_${'x9Y8z7W6v5'.repeat(6)}`;
const SLACK_TOKEN = `xoxb-1234567890-9876543210-${'QwErTyUiOp'.repeat(3)}`;
const keyText = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

describe('the secret vault', () => {
  let installed: InstalledKvs;
  let ringValue: string | undefined;
  const vault = new KvsSecretVault((): SealingKeyRing => parseSealingKeyRing(ringValue));
  const storedSecrets = () => installed.emulator.listSecrets();

  beforeEach(() => {
    installed = installKvsForTests(new KvsEmulator());
    ringValue = keyText('k1');
  });
  afterEach(() => installed.uninstall());

  it('seals before storing: the secret store holds no token in clear, and plain storage holds nothing', async () => {
    await expect(vault.store('github-token', GITHUB_TOKEN)).resolves.toEqual({ keyId: 'k1' });
    expect(installed.emulator.listPlain()).toEqual([]);
    expect(storedSecrets()).toHaveLength(1);
    expect(JSON.stringify(storedSecrets())).not.toContain(GITHUB_TOKEN);
    expect(JSON.stringify(storedSecrets())).not.toContain(GITHUB_TOKEN.slice(11, 30));
    await expect(vault.open('github-token')).resolves.toBe(GITHUB_TOKEN);
    await expect(vault.sealedWith('github-token')).resolves.toBe('k1');
  });

  it('answers null for a slot that holds nothing, and removes at once', async () => {
    await expect(vault.open('slack-bot-token')).resolves.toBeNull();
    await vault.store('slack-bot-token', SLACK_TOKEN);
    await vault.remove('slack-bot-token');
    await expect(vault.open('slack-bot-token')).resolves.toBeNull();
    expect(storedSecrets()).toEqual([]);
  });

  it('refuses to store anything without a key, with a typed error that says what to do', async () => {
    ringValue = undefined;
    expect(vault.sealingStatus()).toEqual({ configured: false, newestKeyId: null, keyCount: 0, problem: null });
    expect(() => vault.assertCanSeal()).toThrow(
      expect.objectContaining({ code: 'NOT_CONFIGURED', message: expect.stringContaining('forge variables set --encrypt') }),
    );
    await expect(vault.store('github-token', GITHUB_TOKEN)).rejects.toMatchObject({ code: 'NOT_CONFIGURED' });
    expect(storedSecrets()).toEqual([]);
  });

  it('refuses a malformed variable the same way, explaining the problem without quoting it', async () => {
    ringValue = 'k1:short';
    await expect(vault.store('github-token', GITHUB_TOKEN)).rejects.toMatchObject({
      code: 'NOT_CONFIGURED',
      message: expect.stringContaining('entry 1'),
    });
  });

  it('detects a stored value that was altered', async () => {
    await vault.store('github-token', GITHUB_TOKEN);
    const [entry] = storedSecrets();
    const sealed = entry!.value as Record<string, string>;
    const ciphertext = Buffer.from(sealed.ciphertext!, 'base64');
    ciphertext[3] = ciphertext[3]! ^ 0xff;
    await installed.emulator.fetch('/api/v1/secret/set', {
      method: 'POST',
      body: JSON.stringify({ key: entry!.key, value: { ...sealed, ciphertext: ciphertext.toString('base64') } }),
    });
    await expect(vault.open('github-token')).rejects.toMatchObject({ name: 'UnreadableSecretError', reason: 'tampered' });
  });

  it('rotates: a new key seals, the old one still opens, the re-seal moves everything, then the old key can go', async () => {
    const first = keyText('k1');
    ringValue = first;
    await vault.store('github-token', GITHUB_TOKEN);
    await vault.store('slack-bot-token', SLACK_TOKEN);

    const second = keyText('k2');
    ringValue = `${second},${first}`;
    await expect(vault.open('github-token')).resolves.toBe(GITHUB_TOKEN);
    expect(vault.sealingStatus()).toMatchObject({ newestKeyId: 'k2', keyCount: 2 });

    await expect(vault.resealAll()).resolves.toEqual({ newestKeyId: 'k2', resealed: 2, alreadyCurrent: 0, unreadable: 0 });
    await expect(vault.sealedWith('github-token')).resolves.toBe('k2');
    await expect(vault.sealedWith('slack-bot-token')).resolves.toBe('k2');
    await expect(vault.resealAll()).resolves.toEqual({ newestKeyId: 'k2', resealed: 0, alreadyCurrent: 2, unreadable: 0 });

    ringValue = second;
    await expect(vault.open('github-token')).resolves.toBe(GITHUB_TOKEN);
    await expect(vault.open('slack-bot-token')).resolves.toBe(SLACK_TOKEN);
    expect(JSON.stringify(storedSecrets())).not.toContain(SLACK_TOKEN);
  });

  it('counts secrets whose key was dropped before the re-seal, and cannot open them', async () => {
    await vault.store('github-token', GITHUB_TOKEN);
    ringValue = keyText('k9');
    await expect(vault.open('github-token')).rejects.toMatchObject({ reason: 'unknown-key' });
    await expect(vault.resealAll()).resolves.toEqual({ newestKeyId: 'k9', resealed: 0, alreadyCurrent: 0, unreadable: 1 });
  });

  it('calls a value moved from the other slot damaged: its key is known, but it does not open there', async () => {
    await vault.store('github-token', GITHUB_TOKEN);
    await vault.store('slack-bot-token', SLACK_TOKEN);
    const slack = storedSecrets().find((entry) => entry.key === 'secret:slack-bot-token')!;
    await installed.emulator.fetch('/api/v1/secret/set', {
      method: 'POST',
      body: JSON.stringify({ key: 'secret:github-token', value: slack.value }),
    });
    await expect(vault.sealedWith('github-token')).resolves.toBeNull();
    await expect(vault.holds('github-token')).resolves.toBe(true);
    await expect(vault.sealedWith('slack-bot-token')).resolves.toBe('k1');
    await expect(vault.resealAll()).resolves.toEqual({ newestKeyId: 'k1', resealed: 0, alreadyCurrent: 1, unreadable: 1 });
  });

  it('calls a value sealed under another key of the same name damaged, and the re-seal counts it unreadable', async () => {
    await vault.store('github-token', GITHUB_TOKEN);
    // The ring's k1 is re-made with new material: the stored value still says k1.
    ringValue = keyText('k1');
    await expect(vault.sealedWith('github-token')).resolves.toBeNull();
    await expect(vault.resealAll()).resolves.toEqual({ newestKeyId: 'k1', resealed: 0, alreadyCurrent: 0, unreadable: 1 });
  });

  it('will not re-seal without a key', async () => {
    ringValue = undefined;
    await expect(vault.resealAll()).rejects.toMatchObject({ code: 'NOT_CONFIGURED' });
  });
});
