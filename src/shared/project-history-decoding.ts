/**
 * The browser's side of `getProjectView`: the shards arrive as stored (JSON of a `PackedShard`, deflated in
 * zlib format, base64), and become the engine's `CompactHistory` here, ready for src/domain.
 *
 * Uses only web-platform APIs (`atob`, `DecompressionStream`), present in every browser Jira supports and
 * in Node 18 and later.
 */
import type { CompactHistory } from '../domain/compact-history';
import { compactHistoryFromShards, PackedShardError, type PackedShard } from './packed-history';
import type { ProjectHistoryPart } from './resolver-contract';

/** Asks the resolver for the part of the history starting at a shard (`invoke('getProjectView', { fromShard })`). */
export type FetchHistoryPart = (fromShard: number) => Promise<ProjectHistoryPart>;

/**
 * The whole history, from a first part and, if the history did not fit one answer, the parts after it.
 * @throws PackedShardError when a shard cannot be read.
 */
export async function decodeProjectHistory(first: ProjectHistoryPart, fetchPart?: FetchHistoryPart): Promise<CompactHistory> {
  const texts = [...first.shards];
  let next = first.nextShard;
  while (next !== null) {
    if (!fetchPart) throw new PackedShardError('the history came in parts, but there is no way to ask for the next one');
    const part = await fetchPart(next);
    if (part.fromShard !== next || part.shards.length === 0) throw new PackedShardError('a part of the history is missing');
    texts.push(...part.shards);
    next = part.nextShard;
  }
  const shards = await Promise.all(texts.map(decodeShardText));
  return compactHistoryFromShards(first.dictionaries, shards);
}

export async function decodeShardText(text: string): Promise<PackedShard> {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
    return JSON.parse(await new Response(stream).text()) as PackedShard;
  } catch {
    throw new PackedShardError('it does not decompress');
  }
}
