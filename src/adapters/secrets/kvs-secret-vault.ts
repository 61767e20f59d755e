import { kvs } from '@forge/kvs';
import { AppError } from '../../app/app-error';
import { UnreadableSecretError } from '../../app/connections/unreadable-secret';
import type { SecretName, SecretVault } from '../../ports';
import type { ResealOutcome, SealingStatus } from '../../shared/resolver-contract';
import { SECRET_NAMES, storageKeys } from '../kvs/storage-keys';
import { isSealedSecret, open, seal, type SealedSecret } from './sealed-secret';
import { SEALING_KEYS_VARIABLE, sealingKeyRingFromEnvironment, type SealingKeyRing } from './sealing-key-ring';

const NO_KEY_MESSAGE =
  'Flow metrics cannot store tokens yet: no sealing key is configured for this installation of the app. ' +
  `Whoever deploys the app must set the encrypted variable ${SEALING_KEYS_VARIABLE} (forge variables set --encrypt) and deploy again.`;

/**
 * Tokens sealed with the app's own key (AES-256-GCM), then stored with `kvs.setSecret`, which encrypts them
 * again at rest. Never written as a plain KVS value, never returned by a query, never logged.
 */
export class KvsSecretVault implements SecretVault {
  constructor(
    private readonly keyRing: () => SealingKeyRing = () => sealingKeyRingFromEnvironment(),
    private readonly clock: () => Date = () => new Date(),
  ) {}

  sealingStatus(): SealingStatus {
    const ring = this.keyRing();
    return {
      configured: ring.configured,
      newestKeyId: ring.keys[0]?.id ?? null,
      keyCount: ring.keys.length,
      problem: ring.problem,
    };
  }

  assertCanSeal(): void {
    this.configuredRing();
  }

  async store(name: SecretName, value: string): Promise<{ keyId: string }> {
    const [newest] = this.configuredRing().keys;
    await kvs.setSecret(storageKeys.secret(name), seal(newest, storageKeys.secret(name), value, this.clock()));
    return { keyId: newest.id };
  }

  async open(name: SecretName): Promise<string | null> {
    const sealed = await this.read(name);
    if (sealed === null) return null;
    const opened = open(this.keyRing().keys, storageKeys.secret(name), sealed);
    if (!opened.ok) throw new UnreadableSecretError(name, opened.reason);
    return opened.plaintext;
  }

  async remove(name: SecretName): Promise<void> {
    await kvs.deleteSecret(storageKeys.secret(name));
  }

  /**
   * Opens the value to say so: its key id alone proves nothing, since a value moved from the other slot, or one
   * sealed under another key that carries the same name, has a key id this ring knows and still cannot be opened.
   */
  async sealedWith(name: SecretName): Promise<string | null> {
    try {
      const sealed = await this.read(name);
      if (sealed === null) return null;
      return open(this.keyRing().keys, storageKeys.secret(name), sealed).ok ? sealed.keyId : null;
    } catch (error) {
      if (error instanceof UnreadableSecretError) return null;
      throw error;
    }
  }

  async holds(name: SecretName): Promise<boolean> {
    return (await kvs.getSecret<unknown>(storageKeys.secret(name))) !== undefined;
  }

  /**
   * The re-seal job: every secret not sealed with the newest key is opened with its own key and sealed again
   * with the newest. Idempotent, so it can run daily and after every key change. Secrets no configured key can
   * open are left alone and counted: deleting them would hide the problem from the admin.
   */
  async resealAll(): Promise<ResealOutcome> {
    const ring = this.configuredRing();
    const [newest] = ring.keys;
    const outcome: ResealOutcome = { newestKeyId: newest.id, resealed: 0, alreadyCurrent: 0, unreadable: 0 };
    for (const name of SECRET_NAMES) {
      const slot = storageKeys.secret(name);
      let sealed: SealedSecret | null;
      try {
        sealed = await this.read(name);
      } catch (error) {
        if (!(error instanceof UnreadableSecretError)) throw error;
        outcome.unreadable += 1;
        continue;
      }
      if (sealed === null) continue;
      // Opened even when it already names the newest key: only opening shows it is not damaged.
      const opened = open(ring.keys, slot, sealed);
      if (!opened.ok) {
        outcome.unreadable += 1;
        continue;
      }
      if (sealed.keyId === newest.id) {
        outcome.alreadyCurrent += 1;
        continue;
      }
      await kvs.setSecret(slot, seal(newest, slot, opened.plaintext, this.clock()));
      outcome.resealed += 1;
    }
    return outcome;
  }

  private async read(name: SecretName): Promise<SealedSecret | null> {
    const stored = await kvs.getSecret<unknown>(storageKeys.secret(name));
    if (stored === undefined) return null;
    if (!isSealedSecret(stored)) throw new UnreadableSecretError(name, 'malformed');
    return stored;
  }

  private configuredRing(): Extract<SealingKeyRing, { configured: true }> {
    const ring = this.keyRing();
    if (!ring.configured) {
      throw new AppError(
        'NOT_CONFIGURED',
        ring.problem ? `${NO_KEY_MESSAGE} The variable is set but unusable: ${ring.problem}` : NO_KEY_MESSAGE,
      );
    }
    return ring;
  }
}
