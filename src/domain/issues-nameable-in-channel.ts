/**
 * The items a Slack message may name. A channel's members are people Jira knows nothing about, so an issue
 * Jira restricts with issue security is never named there: not its key, not its stage, not its age.
 *
 * Every message that names issues (the weekly digest's items at risk, the alerts) asks here, so the rule
 * lives in one place. The stored history does not record issue security levels yet: until it does, every
 * stored issue is nameable; when the level is stored, this function is what starts leaving secured ones out.
 */
import type { CompactHistory } from './compact-history';

export function issuesNameableInChannel<T extends { key: string }>(history: CompactHistory, items: readonly T[]): T[] {
  const stored = new Set(history.key);
  // An issue the history does not hold is one the app cannot vouch for: it is not named either.
  return items.filter((item) => stored.has(item.key));
}
