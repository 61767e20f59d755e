import { z } from 'zod';
import { MS_PER_DAY } from '../../domain';
import type { Clock, GitHubPullRequests, ProjectDirectory, PullRequestStore, SecretVault, StoredDocument } from '../../ports';
import type { GitHubConnectionRecord } from '../connections/github-connection';
import { readRetentionDays, type RetentionSettings } from '../privacy/retention-window';
import { ServiceRefusal } from '../access/service-refusal';
import { UnreadableSecretError } from '../connections/unreadable-secret';
import { pullRequestReading } from './pull-request-sync';

/**
 * A webhook delivery from GitHub, as the web trigger receives it: a `pull_request` or `pull_request_review`
 * event makes the app read that one pull request again, at once, instead of at the next hourly sync.
 *
 * Nothing in a delivery is believed beyond which pull request it names: the delivery must be signed with the
 * secret the admin set (HMAC-SHA256 of the exact body, compared in constant time), seen for the first time
 * (its `X-GitHub-Delivery` id is remembered for a day), about a watched repository, and recent. The signature
 * covers the body but not the delivery id, so a captured body could come again under fresh ids: an old one is
 * refused by its age, and within the age limit the body itself is taken once (its digest is remembered for a
 * day). The pull request is then read from GitHub through the token, metadata only, and stored as the sync
 * stores it. The body itself is never stored or logged.
 *
 * The web trigger's address is open to anyone who has it, so the checks run cheapest first: whatever can be
 * told from the request alone (method, size, headers, a body naming a pull request, a recent event) is checked
 * before the secret is opened, and an event the app has no use for is acknowledged without it (it changes
 * nothing, so there is nothing to authenticate). Only a well-formed, recent pull-request delivery costs the
 * secret's read. Which repositories are watched is checked after the signature: a stranger is not told.
 */
export interface GitHubWebhookPorts {
  vault: Pick<SecretVault, 'open'>;
  /** Checks `X-Hub-Signature-256` against the body and the secret, in constant time. */
  signatures: { isSignedBy(secret: string, body: string, signature: string): boolean };
  /**
   * Claims a delivery id; false when it was claimed before (a replay). A delivery that fails on the app's side
   * gives its claim back, so GitHub's redelivery of it is not taken for a replay.
   */
  deliveries: {
    claim(deliveryId: string): Promise<boolean>;
    release(deliveryId: string): Promise<void>;
    /**
     * Claims the body itself, remembered by its SHA-256 digest (never the body) for longer than a delivery may be
     * old: false when the same signed body was taken before, under any delivery id. Given back like a delivery's claim.
     */
    claimBody(body: string): Promise<boolean>;
    releaseBody(body: string): Promise<void>;
  };
  connection: StoredDocument<GitHubConnectionRecord>;
  github: GitHubPullRequests;
  store: PullRequestStore;
  projects: ProjectDirectory;
  retention: StoredDocument<RetentionSettings>;
  generatedPaths: StoredDocument<{ patterns: string[] }>;
  clock: Clock;
}

export interface WebhookDelivery {
  method: string;
  /** Header names in lower case; GitHub sends each once. */
  headers: Readonly<Record<string, string | undefined>>;
  body: string;
}

export type WebhookOutcome =
  | 'updated' // the pull request was read again and stored
  | 'ignored' // a signed delivery the app has no use for (another event, a ping)
  | 'deferred' // GitHub could not be read now: the hourly sync will read it
  | 'licence-inactive' // the installation's licence has lapsed: nothing is read or stored (see github-webhook.ts)
  | 'wrong-method'
  | 'too-large'
  | 'not-configured' // no webhook secret set: nothing can be checked
  | 'unsigned'
  | 'bad-signature'
  | 'malformed'
  | 'replayed'
  | 'not-watched'
  | 'stale';

/** The HTTP status GitHub is answered with for each outcome (its delivery log shows it to the admin). */
export const WEBHOOK_STATUS: Readonly<Record<WebhookOutcome, number>> = Object.freeze({
  updated: 200,
  ignored: 202,
  deferred: 202,
  // Payment Required: GitHub's delivery log tells the admin why, and a redelivery once renewed is accepted.
  'licence-inactive': 402,
  'wrong-method': 405,
  'too-large': 413,
  'not-configured': 503,
  unsigned: 401,
  'bad-signature': 401,
  malformed: 400,
  replayed: 409,
  'not-watched': 403,
  stale: 422,
});

/**
 * GitHub caps deliveries at 25 MB, Forge a web trigger's whole request at 500 KB; a pull-request event is a few
 * tens of KB. Anything bigger is refused before its signature is even computed.
 */
export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024;

/** How old the event a delivery reports may be: GitHub delivers within seconds and retries within hours. */
export const WEBHOOK_MAX_AGE_MS = 6 * 60 * 60 * 1000;

const SIGNATURE = /^sha256=[0-9a-f]{64}$/;
const DELIVERY_ID = /^[0-9A-Fa-f-]{8,64}$/;
const WANTED_EVENTS = new Set(['pull_request', 'pull_request_review']);

/** The only parts of a payload the app reads; the rest (titles, bodies, people) is never looked at. */
const pullRequestEvent = z.object({
  repository: z.object({ full_name: z.string().regex(/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/) }),
  pull_request: z.object({ number: z.number().int().positive(), updated_at: z.string().datetime({ offset: true }) }),
  review: z.object({ submitted_at: z.string().datetime({ offset: true }).nullable() }).optional(),
});

export async function receiveGitHubWebhook(ports: GitHubWebhookPorts, delivery: WebhookDelivery): Promise<WebhookOutcome> {
  if (delivery.method !== 'POST') return 'wrong-method';
  if (Buffer.byteLength(delivery.body, 'utf8') > MAX_WEBHOOK_BODY_BYTES) return 'too-large';

  const signature = delivery.headers['x-hub-signature-256'];
  if (signature === undefined || !SIGNATURE.test(signature)) return 'unsigned';
  const deliveryId = delivery.headers['x-github-delivery'];
  const event = delivery.headers['x-github-event'];
  if (!deliveryId || !DELIVERY_ID.test(deliveryId) || !event) return 'malformed';
  if (!WANTED_EVENTS.has(event)) return 'ignored';
  const payload = pullRequestEventIn(delivery.body);
  if (payload === null) return 'malformed';
  const happenedAt = Math.max(
    Date.parse(payload.pull_request.updated_at),
    payload.review?.submitted_at ? Date.parse(payload.review.submitted_at) : 0,
  );
  const now = ports.clock.now().getTime();
  if (now - happenedAt > WEBHOOK_MAX_AGE_MS) return 'stale';

  let secret: string | null;
  try {
    secret = await ports.vault.open('github-webhook-secret');
  } catch (error) {
    if (error instanceof UnreadableSecretError) return 'not-configured';
    throw error;
  }
  if (secret === null) return 'not-configured';
  if (!ports.signatures.isSignedBy(secret, delivery.body, signature)) return 'bad-signature';

  if (!(await ports.deliveries.claim(deliveryId))) return 'replayed';
  let bodyClaimed = false;
  try {
    bodyClaimed = await ports.deliveries.claimBody(delivery.body);
    if (!bodyClaimed) return 'replayed';
    return await receiveSigned(ports, payload, now);
  } catch (error) {
    await ports.deliveries.release(deliveryId).catch(() => undefined);
    if (bodyClaimed) await ports.deliveries.releaseBody(delivery.body).catch(() => undefined);
    throw error;
  }
}

/** The parts of a pull-request event the app reads, or null when the body is not one. */
function pullRequestEventIn(body: string): z.infer<typeof pullRequestEvent> | null {
  try {
    const parsed = pullRequestEvent.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A signed, first-seen, recent pull-request delivery: acted on when it is about a watched repository. */
async function receiveSigned(ports: GitHubWebhookPorts, payload: z.infer<typeof pullRequestEvent>, now: number): Promise<WebhookOutcome> {
  const repository = payload.repository.full_name;
  const record = await ports.connection.read();
  const watched = record?.repositories.find((r) => r.visible && r.fullName.toLowerCase() === repository.toLowerCase());
  if (!watched) return 'not-watched';
  return refreshPullRequest(ports, watched.fullName, payload.pull_request.number, now);
}

/** Reads the one pull request again and stores it, as the sync would; GitHub's refusals leave it to the sync. */
async function refreshPullRequest(ports: GitHubWebhookPorts, repository: string, number: number, now: number): Promise<WebhookOutcome> {
  let token: string | null;
  try {
    token = await ports.vault.open('github-token');
  } catch (error) {
    if (error instanceof UnreadableSecretError) return 'deferred';
    throw error;
  }
  if (token === null) return 'deferred';
  const retentionStart = now - (await readRetentionDays(ports.retention)) * MS_PER_DAY;
  const reading = await pullRequestReading(ports);
  try {
    const page = await ports.github.pullRequest(token, repository, number, reading);
    if (page === null) return 'deferred';
    await ports.store.upsert(repository, page.pulls, retentionStart);
    return 'updated';
  } catch (error) {
    if (error instanceof ServiceRefusal) return 'deferred';
    throw error;
  }
}
