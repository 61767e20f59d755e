import { createHmac } from 'node:crypto';
import { githubWebhookSignatures } from '../../adapters/github/webhook-signature';
import { pullRequest } from '../../domain/testing/pull-request-fixture';
import type { GitHubPullRequests, SecretName } from '../../ports';
import {
  receiveGitHubWebhook,
  WEBHOOK_MAX_AGE_MS,
  WEBHOOK_STATUS,
  type GitHubWebhookPorts,
  type WebhookDelivery,
} from './github-webhook-delivery';
import { connectionTo, MemoryDocument, MemoryPullRequestStore } from './testing/pull-request-sync-world';

/**
 * The webhook use-case on its own, with the ports in memory: the order of its checks (nothing is claimed or
 * read before the signature holds), and a claim given back when the app fails half-way, so GitHub's
 * redelivery is not refused as a replay. The end-to-end cases are in src/handlers/github-webhook.test.ts.
 */
const NOW = new Date('2026-03-10T12:00:00Z');
const SECRET = 'webhook-secret';
const REPOSITORY = 'acme/web';

function world() {
  const claimed = new Set<string>();
  const bodies = new Set<string>();
  const store = new MemoryPullRequestStore();
  const reads: number[] = [];
  const github: GitHubPullRequests = {
    page: () => Promise.resolve(null),
    pullRequest: (_token, repository, number) => {
      reads.push(number);
      return Promise.resolve({
        pulls: [pullRequest({ repository, number, updatedAt: NOW.getTime() })],
        nextCursor: null,
        cost: 1,
        remaining: 4999,
        resetAt: null,
        requests: 1,
      });
    },
  };
  const secrets: Partial<Record<SecretName, string>> = { 'github-webhook-secret': SECRET, 'github-token': 'github_pat_x' };
  const opened: SecretName[] = [];
  const ports: GitHubWebhookPorts = {
    vault: { open: (name: SecretName) => Promise.resolve((opened.push(name), secrets[name] ?? null)) },
    signatures: githubWebhookSignatures,
    deliveries: {
      claim: (id) => Promise.resolve(claimed.has(id) ? false : (claimed.add(id), true)),
      release: (id) => Promise.resolve(void claimed.delete(id)),
      claimBody: (body) => Promise.resolve(bodies.has(body) ? false : (bodies.add(body), true)),
      releaseBody: (body) => Promise.resolve(void bodies.delete(body)),
    },
    connection: new MemoryDocument(connectionTo([REPOSITORY])),
    github,
    store,
    projects: {
      listProjects: () => Promise.resolve([]),
      findProject: () => Promise.resolve(null),
      projectTypes: () => Promise.resolve(new Map()),
    },
    retention: new MemoryDocument({ retentionDays: 730 }),
    generatedPaths: new MemoryDocument<{ patterns: string[] }>(null),
    clock: { now: () => NOW },
  };
  return { ports, store, reads, claimed, opened };
}

function delivery(payload: unknown, id = '72d3162e-cc78-11e3-81ab-4c9367dc0958', kind = 'pull_request'): WebhookDelivery {
  const body = JSON.stringify(payload);
  return {
    method: 'POST',
    body,
    headers: {
      'x-github-event': kind,
      'x-github-delivery': id,
      'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
    },
  };
}

const event = (number: number, updatedAt = NOW.toISOString()) => ({
  action: 'closed',
  repository: { full_name: REPOSITORY },
  pull_request: { number, updated_at: updatedAt, title: 'FLOW-1 never read' },
});

describe('receiveGitHubWebhook', () => {
  it('reads the named pull request again and stores it', async () => {
    const { ports, store, reads } = world();
    await expect(receiveGitHubWebhook(ports, delivery(event(7)))).resolves.toBe('updated');
    expect(reads).toEqual([7]);
    expect((await store.readAll(REPOSITORY)).map((pull) => pull.number)).toEqual([7]);
  });

  it('claims nothing for a delivery whose signature fails, so it cannot block the real one', async () => {
    const { ports, claimed } = world();
    const forged = delivery(event(7));
    forged.headers = { ...forged.headers, 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` };
    await expect(receiveGitHubWebhook(ports, forged)).resolves.toBe('bad-signature');
    expect(claimed.size).toBe(0);
    await expect(receiveGitHubWebhook(ports, delivery(event(7)))).resolves.toBe('updated');
  });

  it("gives its claim back when storing fails, so GitHub's redelivery is read, not refused as a replay", async () => {
    const { ports, store, claimed } = world();
    store.failAfter = 0;
    await expect(receiveGitHubWebhook(ports, delivery(event(7)))).rejects.toThrow('storage failed');
    expect(claimed.size).toBe(0);
    store.failAfter = null;
    await expect(receiveGitHubWebhook(ports, delivery(event(7)))).resolves.toBe('updated');
    await expect(receiveGitHubWebhook(ports, delivery(event(7)))).resolves.toBe('replayed');
  });

  it('leaves the pull request to the hourly read when GitHub refuses, answering 202', async () => {
    const { ports } = world();
    ports.github.pullRequest = () => Promise.resolve(null);
    await expect(receiveGitHubWebhook(ports, delivery(event(7)))).resolves.toBe('deferred');
    expect(WEBHOOK_STATUS.deferred).toBe(202);
  });

  it('refuses a payload that names no pull request, and an event older than six hours', async () => {
    const { ports } = world();
    await expect(receiveGitHubWebhook(ports, delivery({ repository: { full_name: REPOSITORY } }, 'a1'.repeat(8)))).resolves.toBe(
      'malformed',
    );
    const old = new Date(NOW.getTime() - WEBHOOK_MAX_AGE_MS - 1000).toISOString();
    const recent = new Date(NOW.getTime() - WEBHOOK_MAX_AGE_MS + 1000).toISOString();
    await expect(receiveGitHubWebhook(ports, delivery(event(7, recent), 'c3'.repeat(8)))).resolves.toBe('updated');
    await expect(receiveGitHubWebhook(ports, delivery(event(7, old), 'b2'.repeat(8)))).resolves.toBe('stale');
  });

  it('refuses what it can tell is no use without opening the secret: bad headers, a body naming no pull request, an old event', async () => {
    const { ports, opened, claimed } = world();
    const forged = (spoilt: WebhookDelivery) => ({
      ...spoilt,
      headers: { ...spoilt.headers, 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
    });
    const old = new Date(NOW.getTime() - WEBHOOK_MAX_AGE_MS - 1000).toISOString();
    await expect(receiveGitHubWebhook(ports, forged(delivery(event(7), 'not a delivery id')))).resolves.toBe('malformed');
    await expect(receiveGitHubWebhook(ports, forged(delivery({ zen: 'anything' }, 'a1'.repeat(8))))).resolves.toBe('malformed');
    await expect(receiveGitHubWebhook(ports, forged({ ...delivery(event(7)), body: '{"repository":' }))).resolves.toBe('malformed');
    await expect(receiveGitHubWebhook(ports, forged(delivery(event(7, old), 'b2'.repeat(8))))).resolves.toBe('stale');
    // An event the app has no use for changes nothing, signed or not: there is nothing to check it for.
    await expect(
      receiveGitHubWebhook(ports, forged(delivery({ zen: 'Keep it logically awesome.' }, 'c3'.repeat(8), 'ping'))),
    ).resolves.toBe('ignored');
    expect(opened).toEqual([]);
    expect(claimed.size).toBe(0);
    // A well-formed, recent delivery is worth the secret: forged, it is refused by its signature.
    await expect(receiveGitHubWebhook(ports, forged(delivery(event(7), 'd4'.repeat(8))))).resolves.toBe('bad-signature');
    expect(opened).toEqual(['github-webhook-secret']);
  });

  it('takes a signed body once, under whatever delivery id it comes again within the window', async () => {
    const { ports, reads } = world();
    const body = event(7);
    await expect(receiveGitHubWebhook(ports, delivery(body, 'a1'.repeat(8)))).resolves.toBe('updated');
    await expect(receiveGitHubWebhook(ports, delivery(body, 'b2'.repeat(8)))).resolves.toBe('replayed');
    expect(reads).toEqual([7]);
    // Another event about the same pull request is another body.
    await expect(receiveGitHubWebhook(ports, delivery({ ...body, action: 'reopened' }, 'c3'.repeat(8)))).resolves.toBe('updated');
  });

  it("gives the body's claim back too when the app fails, so GitHub's redelivery is read", async () => {
    const { ports, store } = world();
    store.failAfter = 0;
    await expect(receiveGitHubWebhook(ports, delivery(event(7), 'a1'.repeat(8)))).rejects.toThrow('storage failed');
    store.failAfter = null;
    await expect(receiveGitHubWebhook(ports, delivery(event(7), 'a1'.repeat(8)))).resolves.toBe('updated');
  });
});
