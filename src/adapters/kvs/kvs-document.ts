import { kvs } from '@forge/kvs';
import type { StoredDocument } from '../../ports';

/** One JSON value under one KVS key (always a plain value: secrets go through the secret vault). */
export class KvsDocument<T> implements StoredDocument<T> {
  constructor(private readonly key: string) {}

  async read(): Promise<T | null> {
    return (await kvs.get<T>(this.key)) ?? null;
  }

  async write(value: T): Promise<void> {
    await kvs.set(this.key, value);
  }

  async remove(): Promise<void> {
    await kvs.delete(this.key);
  }
}
