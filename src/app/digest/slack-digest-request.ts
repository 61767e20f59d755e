import type { StoredDocument } from '../../ports';
import type { SlackDigestOutcome } from '../../shared/resolver-contract';
import { AppError } from '../app-error';
import { recordAudit, type Actor, type AuditTrailPorts } from '../audit/audit-trail';
import { digestForPage } from './digest-outcome';
import { sendFlowDigest, type SiteAddress, type SlackDigestPorts } from './slack-digest';

/** At most one claim per period; a claim can be given back early. */
export interface RequestThrottle {
  claim(periodSeconds: number): Promise<boolean>;
  /** When the claim that still holds was made, or null when none holds. */
  claimedAt(): Promise<Date | null>;
  release(): Promise<void>;
}

export interface SlackDigestRequestPorts extends SlackDigestPorts, AuditTrailPorts {
  digestThrottle: RequestThrottle;
  site: StoredDocument<SiteAddress>;
}

/** "Send digest now" posts to a whole channel: once per five minutes is plenty to check it looks right. */
const DIGEST_NOW_PERIOD_SECONDS = 300;

const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });

/**
 * An admin's "send digest now": the weekly digest, at once. The site's address, which only an admin's call
 * carries, is remembered first so the digest (and the weekly ones after it) can link to Jira. A digest that
 * did not go out gives its claim back, so the admin can fix the cause and try again at once.
 */
export async function sendSlackDigestNow(
  ports: SlackDigestRequestPorts,
  actor: Actor,
  siteUrl: string | null,
): Promise<SlackDigestOutcome> {
  if (!(await ports.digestThrottle.claim(DIGEST_NOW_PERIOD_SECONDS))) {
    const claimedAt = await ports.digestThrottle.claimedAt();
    const again = claimedAt
      ? ` after ${TIME.format(new Date(claimedAt.getTime() + DIGEST_NOW_PERIOD_SECONDS * 1000))}`
      : ' in a few minutes';
    throw new AppError('RATE_LIMITED', `The digest was sent a moment ago; send it again${again}.`);
  }
  if (siteUrl !== null) await rememberSite(ports.site, siteUrl, ports.clock.now());
  const outcome = await sendFlowDigest(ports, 'admin');
  if (outcome.outcome !== 'sent') await ports.digestThrottle.release();
  await recordAudit(ports, actor, 'slack.digest-sent', outcome.channel ? `#${outcome.channel.name} (${outcome.channel.id})` : null, {
    outcome: outcome.outcome,
    projects: outcome.projects.join(', '),
  });
  return digestForPage(outcome);
}

/** Writes the address only when it changed: KVS writes cost about twenty reads. */
export async function rememberSite(site: StoredDocument<SiteAddress>, url: string, now: Date): Promise<void> {
  if ((await site.read())?.url === url) return;
  await site.write({ url, seenAt: now.toISOString() });
}
