import type { ChannelHistory } from '../../domain';
import type { HistoryStore } from '../../ports';
import { compactHistoryFromShards, unpackShard } from '../../shared/packed-history';
import { isSecured } from './issue-security';
import { HISTORY_STORAGE_FORMAT } from '../sync/history-manifest';

/**
 * A project's live history for a Slack message: read whole (a message's figures count every issue), with the
 * keys of its secured issues, which no channel is told of. A history of an older format does not record
 * security levels: then no issue is named at all until the project is rebuilt.
 */
export async function channelHistory(
  store: Pick<HistoryStore, 'readManifest' | 'readShards'>,
  projectKey: string,
): Promise<ChannelHistory | null> {
  const manifest = await store.readManifest(projectKey, 'live');
  if (!manifest) return null;
  const shards = await store.readShards(
    projectKey,
    manifest.shards.map((shard) => shard.ref),
  );
  const secured = new Set<string>();
  manifest.shards.forEach((shard, i) => {
    if (!shard.levels) return;
    for (const issue of unpackShard(shards[i]!, manifest.keyPrefix)) if (isSecured(issue.securityLevel)) secured.add(issue.key);
  });
  const levelsKnown = manifest.format === HISTORY_STORAGE_FORMAT;
  return {
    history: compactHistoryFromShards(manifest, shards),
    mayName: (issueKey) => levelsKnown && !secured.has(issueKey),
  };
}
