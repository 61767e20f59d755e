import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { PackedShardError, type PackedShard } from '../../shared/packed-history';

/**
 * How a shard is kept in KVS: its JSON, deflated (zlib format) and base64-encoded, which is about 40% of
 * the JSON, so fewer of KVS's 10 KB write units and a project view that fits Forge's 5 MB answers. The
 * browser reverses it with `DecompressionStream('deflate')` (src/shared/project-history-decoding.ts).
 *
 * A shard's name is a hash of this text: equal shards get equal names, so an unchanged shard is never
 * written again, and a redone write lands on the same key.
 */
export function encodeShard(shard: PackedShard): string {
  return deflateSync(Buffer.from(JSON.stringify(shard), 'utf8'), { level: 9 }).toString('base64');
}

export function decodeShard(text: unknown): PackedShard {
  if (typeof text !== 'string') throw new PackedShardError('not stored as text');
  try {
    return JSON.parse(inflateSync(Buffer.from(text, 'base64')).toString('utf8')) as PackedShard;
  } catch {
    throw new PackedShardError('it does not decompress');
  }
}

/** 128 bits of SHA-256, in hex: collisions are out of the question for a few thousand shards. */
export function shardRefOf(encoded: string): string {
  return createHash('sha256').update(encoded).digest('hex').slice(0, 32);
}
