import type { HistoryManifest } from '../../ports';

/**
 * A short name for the content of a history: equal manifests (same shards in the same order, same
 * dictionaries) get equal names. Shards are named by their content, so this names the issues themselves.
 * The browser keeps the history it was last sent with this name and sends it back, so an answer can carry
 * only what changed since (see src/adapters/kvs/kvs-history-edit-log.ts).
 *
 * Two independent 32-bit FNV-1a hashes give 64 bits: a project's history changes a few times an hour, so an
 * accidental equal name (one in 2^64) is out of the question.
 */
export function historyVersionOf(manifest: HistoryManifest): string {
  return digestOf(
    JSON.stringify([
      manifest.format,
      manifest.keyPrefix,
      manifest.statuses,
      manifest.issueTypes,
      manifest.shards.map((shard) => shard.ref),
    ]),
  );
}

/**
 * The name of the history as one viewer is sent it: without the issues of the security levels `hidden` (level
 * ids, ascending). Never equal to `historyVersionOf` the same manifest, nor to the name for another set of hidden
 * levels, so a browser's held version cannot stand for a history filtered for someone else.
 */
export function viewerHistoryVersionOf(manifest: HistoryManifest, hidden: readonly number[]): string {
  const text = JSON.stringify(['hidden levels', historyVersionOf(manifest), hidden]);
  return fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x050c5d1f);
}

/** Whether a text could be a name `historyVersionOf` gave. */
export function isHistoryVersion(text: unknown): text is string {
  return typeof text === 'string' && /^[0-9a-f]{16}$/.test(text);
}

/** A 64-bit name for a text (two FNV-1a hashes), as `historyVersionOf` names a history. */
export function digestOf(text: string): string {
  return fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x050c5d1f);
}

function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
