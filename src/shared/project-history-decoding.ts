/**
 * The browser's side of `getProjectView`: the shards arrive as stored (JSON of a `PackedShard`, deflated in
 * zlib format, base64), and become the engine's `CompactHistory` here, ready for src/domain.
 *
 * Uses only web-platform APIs (`atob`, `DecompressionStream`), present in every browser Jira supports and
 * in Node 18 and later.
 */
import { type CompactHistory } from '../domain';
import {
  compactHistoryFromShards,
  packShard,
  PackedShardError,
  unpackShard,
  type HistoryDictionaries,
  type PackedShard,
  type StoredIssue,
} from './packed-history';
import type { HistoryEdit, ProjectHistoryPart } from './resolver-contract';

/** Asks the resolver for the part of the history starting at a shard (`invoke('getProjectView', { fromShard })`). */
export type FetchHistoryPart = (fromShard: number) => Promise<ProjectHistoryPart>;

/**
 * The whole history, from a first part and, if the history did not fit one answer, the parts after it.
 * @throws PackedShardError when a shard cannot be read.
 */
export async function decodeProjectHistory(first: ProjectHistoryPart, fetchPart?: FetchHistoryPart): Promise<CompactHistory> {
  if (first.basedOn !== null) throw new PackedShardError('the answer holds edits, but no history was held to apply them to');
  const texts = await allShardTexts(first, fetchPart);
  return compactHistoryFromShards(first.dictionaries, await Promise.all(texts.map(decodeShardText)));
}

/**
 * What the browser keeps of the last history it was sent, so it can ask only for the edits since
 * (`getProjectView` with `since: version`): the shards of the last whole history and the edits after it.
 */
export interface HeldHistory {
  version: string;
  dictionaries: HistoryDictionaries;
  shards: string[];
  edits: HistoryEdit[];
}

/**
 * The history an answer describes, given what the browser held when it asked, and what to hold from now on.
 * An answer `basedOn` the held version is applied to it; any other answer is a whole history.
 * @throws PackedShardError when a shard or edit cannot be read, or the answer is based on another version.
 */
export async function decodeProjectHistoryUpdate(
  first: ProjectHistoryPart,
  fetchPart: FetchHistoryPart | undefined,
  held: HeldHistory | null,
): Promise<{ history: CompactHistory; held: HeldHistory }> {
  const next = heldHistoryAfter(await wholeHistoryPart(first, fetchPart), held);
  return { history: await decodeHeldHistory(next), held: next };
}

/**
 * The answer with every part of its history in it: the first part and, if the history did not fit one answer,
 * the parts after it, asked for in order. The shards stay as stored, so the decoding can happen elsewhere (the
 * project page does it in a worker, see `decodeHeldHistory`).
 * @throws PackedShardError when a part is missing.
 */
export async function wholeHistoryPart(first: ProjectHistoryPart, fetchPart?: FetchHistoryPart): Promise<ProjectHistoryPart> {
  if (first.nextShard === null) return first;
  return { ...first, shards: await allShardTexts(first, fetchPart), nextShard: null };
}

/**
 * What the browser holds once it has a whole answer (see `wholeHistoryPart`), still undecoded: an answer
 * `basedOn` the held version adds its edits to it; any other answer replaces it.
 * @throws PackedShardError when the answer is based on a version the browser does not hold.
 */
export function heldHistoryAfter(whole: ProjectHistoryPart, held: HeldHistory | null): HeldHistory {
  if (whole.nextShard !== null) throw new PackedShardError('a part of the history is missing');
  if (whole.basedOn === null) return { version: whole.version, dictionaries: whole.dictionaries, shards: whole.shards, edits: [] };
  if (!held || held.version !== whole.basedOn) throw new PackedShardError('the edits are for a history this browser does not hold');
  return { version: whole.version, dictionaries: whole.dictionaries, shards: held.shards, edits: [...held.edits, ...whole.edits] };
}

/**
 * A held history as the engine's model: its shards with every edit applied in order. This is the costly step
 * (base64, inflate, JSON, columns), which the project page runs off its main thread.
 * @throws PackedShardError when a shard or edit cannot be read.
 */
export async function decodeHeldHistory(held: HeldHistory): Promise<CompactHistory> {
  const shards = await Promise.all(held.shards.map(decodeShardText));
  if (held.edits.length === 0) return compactHistoryFromShards(held.dictionaries, shards);
  const { keyPrefix } = held.dictionaries;
  const issues = new Map<number, StoredIssue>();
  for (const shard of shards) for (const issue of unpackShard(shard, keyPrefix)) issues.set(issue.id, issue);
  for (const edit of held.edits) {
    for (const issue of unpackShard(await decodeShardText(edit.upserts), keyPrefix)) issues.set(issue.id, issue);
    for (const id of edit.deletes) issues.delete(id);
  }
  const ordered = [...issues.values()].sort((a, b) => a.id - b.id);
  return compactHistoryFromShards(held.dictionaries, [packShard(ordered, keyPrefix)]);
}

async function allShardTexts(first: ProjectHistoryPart, fetchPart?: FetchHistoryPart): Promise<string[]> {
  const texts = [...first.shards];
  let next = first.nextShard;
  while (next !== null) {
    if (!fetchPart) throw new PackedShardError('the history came in parts, but there is no way to ask for the next one');
    const part = await fetchPart(next);
    if (part.fromShard !== next || part.shards.length === 0) throw new PackedShardError('a part of the history is missing');
    texts.push(...part.shards);
    next = part.nextShard;
  }
  return texts;
}

/**
 * Base64 text as bytes: natively where the platform reads base64 itself (`Uint8Array.fromBase64`, in browsers since
 * 2025), else through `atob` a character at a time, which for a 20,000-issue history cost the decoding worker a
 * good part of its time (the loop runs once per page open, before the engine has optimised it).
 * @throws when the text is not base64.
 */
function bytesOfBase64(text: string): Uint8Array<ArrayBuffer> {
  const fromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }).fromBase64;
  if (typeof fromBase64 === 'function') return fromBase64.call(Uint8Array, text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function decodeShardText(text: string): Promise<PackedShard> {
  try {
    const stream = new Blob([bytesOfBase64(text)]).stream().pipeThrough(new DecompressionStream('deflate'));
    return JSON.parse(await new Response(stream).text()) as PackedShard;
  } catch {
    throw new PackedShardError('it does not decompress');
  }
}
