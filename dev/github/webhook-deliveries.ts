import { createHmac, randomUUID } from 'node:crypto';
import { simpleUserJson } from './github-json';
import { embeddedRepositoryJson, pullRequestReviewJson, pullRequestSimpleJson, type SimPullRequest } from './pull-request-json';

/**
 * Webhook deliveries as GitHub sends them (https://docs.github.com/en/webhooks/webhook-events-and-payloads):
 * a JSON body, `X-GitHub-Event`, a fresh `X-GitHub-Delivery` GUID, and `X-Hub-Signature-256` (HMAC-SHA256 of
 * the body with the hook's secret, hex, `sha256=` first) beside the legacy SHA-1 `X-Hub-Signature`.
 * Signed here with Node's own HMAC, independently of the app's check.
 */
export interface SimWebhookDelivery {
  headers: Record<string, string>;
  body: string;
}

export type PullRequestAction = 'opened' | 'edited' | 'synchronize' | 'closed' | 'reopened' | 'ready_for_review' | 'converted_to_draft';

/** The `pull_request` object of a pull_request event: the pull request with its merge and size fields. */
function webhookPullRequestJson(pull: SimPullRequest) {
  return {
    ...pullRequestSimpleJson(pull),
    merged: pull.mergedAt !== null,
    mergeable: null,
    rebaseable: null,
    mergeable_state: 'unknown',
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: pull.commits.length,
    additions: pull.files.reduce((sum, file) => sum + file.additions, 0),
    deletions: pull.files.reduce((sum, file) => sum + file.deletions, 0),
    changed_files: pull.files.length,
  };
}

/** What some actions add: `edited` what changed (the title, here, without its old text), `synchronize` the head before and after. */
function actionDetails(pull: SimPullRequest, action: PullRequestAction) {
  if (action === 'edited') return { changes: { title: { from: '' } } };
  if (action === 'synchronize') {
    const previous = pull.commits[pull.commits.length - 2]?.sha ?? pull.baseSha;
    return { before: previous, after: pull.headSha };
  }
  return {};
}

export function pullRequestEventPayload(pull: SimPullRequest, action: PullRequestAction) {
  return {
    action,
    ...actionDetails(pull, action),
    number: pull.number,
    pull_request: webhookPullRequestJson(pull),
    repository: embeddedRepositoryJson(pull.repository),
    sender: simpleUserJson(pull.author),
  };
}

/** A `pull_request_review` `submitted` event for the pull request's latest review. */
export function pullRequestReviewEventPayload(pull: SimPullRequest) {
  const review = pull.reviews[pull.reviews.length - 1];
  if (!review) throw new Error(`Pull request #${pull.number} has no review`);
  return {
    action: 'submitted',
    review: pullRequestReviewJson(pull, review),
    pull_request: pullRequestSimpleJson(pull),
    repository: embeddedRepositoryJson(pull.repository),
    sender: simpleUserJson(review.reviewer),
  };
}

/** A repository webhook's delivery (the hook and the repository it belongs to are named in headers too). */
export function signedDelivery(event: string, payload: unknown, secret: string, deliveryId: string = randomUUID()): SimWebhookDelivery {
  const repositoryId = (payload as { repository?: { id?: number } } | null)?.repository?.id ?? 0;
  const body = JSON.stringify(payload);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/7a3c5e1',
      'x-github-event': event,
      'x-github-delivery': deliveryId,
      'x-github-hook-id': '471203955',
      'x-github-hook-installation-target-id': String(repositoryId),
      'x-github-hook-installation-target-type': 'repository',
      'x-hub-signature': `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`,
      'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    },
  };
}
