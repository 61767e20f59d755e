import { createHmac } from 'node:crypto';
import { OpenApiContract } from '../testing/openapi-contract';
import { SimulatedGitHub } from './simulated-github';
import { signedDelivery, type PullRequestAction } from './webhook-deliveries';

/**
 * The simulated GitHub's webhook deliveries against GitHub's published webhook description (cut into
 * dev/contracts/github-webhooks.subset.openapi.json): every body and the headers GitHub documents as always
 * sent, for each event the app subscribes to, and the signature GitHub's documentation describes.
 */
const webhooks = new OpenApiContract('github-webhooks.subset.openapi.json');
const SECRET = 'a-webhook-secret';
const REPOSITORY = 'acme/web';

function gitHubWithOnePullRequest() {
  const now = new Date('2026-03-10T12:00:00Z');
  const github = new SimulatedGitHub(() => now);
  github.addAccount('acme', { type: 'Organization' });
  github.addAccount('dev');
  github.addAccount('reviewer');
  github.addRepository(REPOSITORY);
  github.addPullRequest(REPOSITORY, {
    title: 'FLOW-1 Add login',
    author: 'dev',
    headRef: 'flow-1',
    createdAt: new Date('2026-03-09T08:00:00Z'),
    files: [{ path: 'src/login.ts', additions: 40, deletions: 2 }],
    reviews: [{ reviewer: 'reviewer', state: 'APPROVED', submittedAt: new Date('2026-03-09T15:00:00Z') }],
    mergedAt: new Date('2026-03-09T16:00:00Z'),
  });
  return github;
}

describe('webhook deliveries of the simulated GitHub', () => {
  const github = gitHubWithOnePullRequest();

  it.each<[PullRequestAction, string]>([
    ['opened', 'pull-request-opened'],
    ['edited', 'pull-request-edited'],
    ['synchronize', 'pull-request-synchronize'],
    ['closed', 'pull-request-closed'],
    ['reopened', 'pull-request-reopened'],
    ['ready_for_review', 'pull-request-ready-for-review'],
    ['converted_to_draft', 'pull-request-converted-to-draft'],
  ])('a pull_request %s delivery is what GitHub describes', (action, name) => {
    const delivery = github.webhookDelivery(REPOSITORY, 1, SECRET, { kind: 'pull_request', action });
    expect(webhooks.checkWebhook(name, delivery.headers, JSON.parse(delivery.body)).problems).toEqual([]);
    expect(delivery.headers['x-github-event']).toBe('pull_request');
  });

  it('a pull_request_review submitted delivery is what GitHub describes', () => {
    const delivery = github.webhookDelivery(REPOSITORY, 1, SECRET, { kind: 'pull_request_review' });
    expect(webhooks.checkWebhook('pull-request-review-submitted', delivery.headers, JSON.parse(delivery.body)).problems).toEqual([]);
  });

  it('is signed as GitHub documents: sha256= and the hex HMAC-SHA256 of the exact body under the secret', () => {
    const delivery = signedDelivery('ping', { zen: 'Design for failure.' }, "It's a Secret to Everybody");
    const expected = createHmac('sha256', "It's a Secret to Everybody").update(delivery.body).digest('hex');
    expect(delivery.headers['x-hub-signature-256']).toBe(`sha256=${expected}`);
    expect(delivery.headers['x-github-delivery']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('the contract check refuses a body GitHub would not send', () => {
    const delivery = github.webhookDelivery(REPOSITORY, 1, SECRET, { kind: 'pull_request', action: 'opened' });
    const body = JSON.parse(delivery.body) as { action: string; pull_request: Record<string, unknown> };
    body.action = 'merged';
    delete body.pull_request.number;
    expect(webhooks.checkWebhook('pull-request-opened', {}, body).problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('header X-Hub-Signature-256: missing'),
        expect.stringMatching(/^\/action/),
        expect.stringMatching(/number/),
      ]),
    );
  });
});
