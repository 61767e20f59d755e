import type { Clock, SecurityLevelVisibility } from '../../ports';

/**
 * Jira's answer to "which of this project's security levels may I see?", kept briefly per viewer and project:
 * opening a page asks for the history in several parts, and people reopen pages. Kept in the memory of the
 * running function only (never in storage, so no account id is stored for it), for at most
 * `SECURITY_LEVELS_KEPT_MS`; a viewer's access removed in Jira shows within that time at the latest.
 *
 * The copy is found by installation, account and project together: one viewer's answer is never another's.
 */
export const SECURITY_LEVELS_KEPT_MS = 5 * 60_000;

/** How many answers a running function keeps at most (the oldest go first). */
const MOST_KEPT = 500;

export class SecurityLevelMemory {
  private readonly answers = new Map<string, { at: number; levels: ReadonlySet<number> }>();

  recall(key: string, now: number): ReadonlySet<number> | null {
    const kept = this.answers.get(key);
    if (!kept) return null;
    if (now - kept.at >= SECURITY_LEVELS_KEPT_MS || now < kept.at) {
      this.answers.delete(key);
      return null;
    }
    return kept.levels;
  }

  keep(key: string, levels: ReadonlySet<number>, now: number): void {
    this.answers.delete(key);
    this.answers.set(key, { at: now, levels });
    while (this.answers.size > MOST_KEPT) this.answers.delete(this.answers.keys().next().value!);
  }
}

/** The viewer whose answers these are: an installation and an Atlassian account. */
export interface Viewer {
  installation: string;
  accountId: string;
}

export class RememberedSecurityLevels implements SecurityLevelVisibility {
  constructor(
    private readonly jira: SecurityLevelVisibility,
    private readonly viewer: Viewer,
    private readonly memory: SecurityLevelMemory,
    private readonly clock: Clock,
  ) {}

  async visibleLevels(projectKey: string): Promise<ReadonlySet<number>> {
    const key = JSON.stringify([this.viewer.installation, this.viewer.accountId, projectKey]);
    const remembered = this.memory.recall(key, this.clock.now().getTime());
    if (remembered) return remembered;
    const levels = await this.jira.visibleLevels(projectKey);
    this.memory.keep(key, levels, this.clock.now().getTime());
    return levels;
  }
}
