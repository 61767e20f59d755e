import { kvs } from '@forge/kvs';
import type { StoredDocument } from '../../ports';
import type { StoredRecordKind } from './stored-record';

/** One versioned record under one KVS key: read through its kind's upgrades, written as its current version. */
export class KvsRecordDocument<T> implements StoredDocument<T> {
  constructor(
    private readonly key: string,
    private readonly kind: StoredRecordKind<T>,
  ) {}

  async read(): Promise<T | null> {
    const stored = await kvs.get<unknown>(this.key);
    return stored === undefined || stored === null ? null : this.kind.read(stored);
  }

  async write(value: T): Promise<void> {
    await kvs.set(this.key, this.kind.write(value));
  }

  async remove(): Promise<void> {
    await kvs.delete(this.key);
  }
}
