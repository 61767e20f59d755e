import type { SlackDigestOutcome } from '../../shared/resolver-contract';

/** Who asked for a digest: the weekly trigger, or an admin's "send digest now". */
export type DigestTrigger = 'weekly' | 'admin';

/** How the last digest went, as the use-case keeps it (stored as LAST_DIGEST_RECORD). */
export interface FlowDigestOutcome {
  at: string;
  trigger: DigestTrigger;
  /** `skipped`: nothing to post (Slack not connected, or no measured project synced yet). */
  outcome: 'sent' | 'skipped' | 'failed';
  channel: { id: string; name: string } | null;
  /** Projects the digest reported on. */
  projects: string[];
  /** Measured projects left out: never synced, or their figures could not be computed. */
  skipped: string[];
  /** Why nothing was posted, in words an admin can act on; null when the digest went out. */
  problem: string | null;
  /** Set while the run goes on: these projects follow from the queue. */
  continuesWith?: string[];
}

/** What the Slack tab is shown of a digest's outcome, field by field (the page's type may change apart from storage). */
export function digestForPage(outcome: FlowDigestOutcome): SlackDigestOutcome {
  return {
    at: outcome.at,
    trigger: outcome.trigger,
    outcome: outcome.outcome,
    channel: outcome.channel === null ? null : { id: outcome.channel.id, name: outcome.channel.name },
    projects: [...outcome.projects],
    skipped: [...outcome.skipped],
    problem: outcome.problem,
    ...(outcome.continuesWith === undefined ? {} : { continuesWith: [...outcome.continuesWith] }),
  };
}
