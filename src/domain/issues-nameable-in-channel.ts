/**
 * The items a Slack message may name. A channel's members are people Jira knows nothing about, so an issue
 * Jira restricts with issue security is never named there: not its key, not its stage, not its age. Such
 * issues still count in a message's figures (a number names no one).
 *
 * Every message that names issues asks the same `ChannelHistory` (built in src/app/access/channel-history.ts from
 * the stored levels): the alerts filter what they list here, the digest names its items at risk through
 * `mayName` while counting them all.
 */
import type { CompactHistory } from './compact-history';

/** A project's history as a channel may be told of it: all of it to count, `mayName` for what to name. */
export interface ChannelHistory {
  history: CompactHistory;
  /** False for an issue with a security level, and for every issue when the history does not say which are. */
  mayName(issueKey: string): boolean;
}

export function issuesNameableInChannel<T extends { key: string }>(channel: ChannelHistory, items: readonly T[]): T[] {
  const stored = new Set(channel.history.key);
  // An issue the history does not hold is one the app cannot vouch for: it is not named either.
  return items.filter((item) => stored.has(item.key) && channel.mayName(item.key));
}
