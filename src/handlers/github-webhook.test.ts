import { DEMO_GITHUB_LOGIN, DEMO_REPOSITORIES } from '../../dev/github/demo-github';
import { signedDelivery } from '../../dev/github/webhook-deliveries';
import { createSettingsTestSite, PEOPLE, type SettingsFunctionKey } from '../../dev/testing/settings-test-site';
import { GITHUB_WEBHOOK_TRIGGER_KEY } from '../adapters/forge-runtime/forge-webhook-address';
import { storageKeys } from '../adapters/kvs/storage-keys';
import { MAX_WEBHOOK_BODY_BYTES } from '../app/pull-requests/github-webhook-delivery';

/**
 * GitHub's webhooks reaching the app's web trigger on the local platform (real SDKs, the simulated GitHub
 * signing its deliveries): a valid delivery makes the app read that pull request again at once; everything
 * else is refused with its status code and changes nothing.
 */
const HOUR = 3_600_000;
const REPOSITORY = DEMO_REPOSITORIES.webApp;

describe('the GitHub webhook', () => {
  // GitHub gives times to the second.
  let now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const site = createSettingsTestSite(() => now);
  beforeAll(() => site.platform.install());
  afterAll(() => site.platform.uninstall());
  const github = site.github.github;
  const admin = async <Key extends SettingsFunctionKey>(functionKey: Key, payload: unknown = {}) => {
    const answer = await site.call(PEOPLE.admin, functionKey, payload);
    if (!answer.ok) throw new Error(`${functionKey}: ${answer.error.code} ${answer.error.message}`);
    return answer.data;
  };
  const send = (delivery: { headers: Record<string, string>; body: string }, method = 'POST') =>
    site.platform.callWebTrigger(GITHUB_WEBHOOK_TRIGGER_KEY, { method, headers: delivery.headers, body: delivery.body });
  const stored = (number: number) =>
    site.kvs
      .listPlain(storageKeys.githubPullRequestShardPrefix(REPOSITORY))
      .flatMap((entry) => (entry.value as { pulls: Array<{ number: number; approvedAt: number | null; mergedAt: number | null }> }).pulls)
      .find((pull) => pull.number === number);
  let secret = '';

  beforeAll(async () => {
    for (let k = 0; k < 3; k++) {
      github.addPullRequest(REPOSITORY, {
        title: `FLOW-${k + 1} change`,
        author: DEMO_GITHUB_LOGIN,
        headRef: `flow-${k + 1}`,
        createdAt: new Date(now.getTime() - (5 - k) * HOUR),
      });
    }
    await admin('connectGitHub', { token: site.github.tokens.readOnly.token, repositories: [REPOSITORY, DEMO_REPOSITORIES.mobileApp] });
    await site.platform.drainQueue();
  });

  it('refuses every delivery while no secret is set', async () => {
    const answer = await send(github.webhookDelivery(REPOSITORY, 1, 'anything', { kind: 'pull_request', action: 'edited' }));
    expect(answer).toMatchObject({ statusCode: 503, body: JSON.stringify({ outcome: 'not-configured' }) });
  });

  it("generates a secret shown once, then only says it is set, with the web trigger's address", async () => {
    const created = await admin('createGitHubWebhookSecret');
    secret = created.secret;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(created.url).toBe(site.platform.webTriggerUrl(GITHUB_WEBHOOK_TRIGGER_KEY));
    const connection = await admin('getGitHubConnection');
    if (!connection.connected) throw new Error('GitHub is not connected');
    expect(connection.webhook).toEqual({ url: created.url, secretSet: true });
    expect(JSON.stringify(connection)).not.toContain(secret);
    expect(
      site.kvs
        .listSecrets()
        .map((entry) => entry.key)
        .sort(),
    ).toEqual(['secret:github-token', 'secret:github-webhook-secret']);
    expect(JSON.stringify(site.kvs.listSecrets())).not.toContain(secret); // sealed
    expect((await admin('getAuditLog')).entries[0]).toMatchObject({ action: 'github.webhook-secret-set', details: { replacing: false } });
  });

  it('reads the reviewed pull request again on a signed pull_request_review delivery', async () => {
    now = new Date(now.getTime() + 10 * 60_000);
    // A colleague's approval: the author's own reviews do not count.
    github.addAccount('colleague');
    github.amendPullRequest(REPOSITORY, 2, { review: { reviewer: 'colleague', state: 'APPROVED', submittedAt: now } });
    expect(stored(2)!.approvedAt).toBeNull();
    const before = github.requests().length;
    const answer = await send(github.webhookDelivery(REPOSITORY, 2, secret, { kind: 'pull_request_review' }));
    expect(answer).toMatchObject({ statusCode: 200, body: JSON.stringify({ outcome: 'updated' }) });
    expect(stored(2)!.approvedAt).toBe(now.getTime());
    // One GraphQL request, for that pull request only.
    expect(
      github
        .requests()
        .slice(before)
        .map((request) => `${request.method} ${request.path}`),
    ).toEqual(['POST /graphql']);
  });

  it('stores a merge announced by a pull_request delivery', async () => {
    github.amendPullRequest(REPOSITORY, 3, { mergedAt: now });
    await expect(send(github.webhookDelivery(REPOSITORY, 3, secret, { kind: 'pull_request', action: 'closed' }))).resolves.toMatchObject({
      statusCode: 200,
    });
    expect(stored(3)!.mergedAt).toBe(now.getTime());
  });

  it('does no work while the licence is inactive, and takes the same delivery once it is renewed', async () => {
    now = new Date(now.getTime() + 10 * 60_000);
    github.amendPullRequest(REPOSITORY, 2, { mergedAt: now });
    const delivery = github.webhookDelivery(REPOSITORY, 2, secret, { kind: 'pull_request', action: 'closed' });
    const requestsBefore = github.requests().length;
    site.kvs.resetStats();
    site.platform.licence = { isActive: false, isEvaluation: true, trialEndDate: '2026-11-30' };
    try {
      await expect(send(delivery)).resolves.toMatchObject({ statusCode: 402, body: JSON.stringify({ outcome: 'licence-inactive' }) });
      // Refused before anything is read: no secret opened, no delivery id remembered, GitHub not asked.
      expect(site.kvs.stats()).toMatchObject({ requests: 0 });
      expect(github.requests()).toHaveLength(requestsBefore);
      expect(stored(2)!.mergedAt).toBeNull();
    } finally {
      site.platform.licence = null;
    }
    site.platform.licence = { isActive: true };
    try {
      // GitHub's redelivery carries the same id: it is not taken for a replay.
      await expect(send(delivery)).resolves.toMatchObject({ statusCode: 200, body: JSON.stringify({ outcome: 'updated' }) });
      expect(stored(2)!.mergedAt).toBe(now.getTime());
    } finally {
      site.platform.licence = null;
    }
  });

  it('refuses a replayed delivery id, whatever the body', async () => {
    const delivery = github.webhookDelivery(REPOSITORY, 1, secret, { kind: 'pull_request', action: 'edited' });
    await expect(send(delivery)).resolves.toMatchObject({ statusCode: 200 });
    const before = github.requests().length;
    await expect(send(delivery)).resolves.toMatchObject({ statusCode: 409, body: JSON.stringify({ outcome: 'replayed' }) });
    expect(github.requests()).toHaveLength(before);
  });

  it('takes a captured body once, whatever fresh delivery id it is sent again under', async () => {
    now = new Date(now.getTime() + 60_000);
    github.amendPullRequest(REPOSITORY, 1, { review: { reviewer: 'colleague', state: 'COMMENTED', submittedAt: now } });
    const delivery = github.webhookDelivery(REPOSITORY, 1, secret, { kind: 'pull_request_review' });
    await expect(send(delivery)).resolves.toMatchObject({ statusCode: 200, body: JSON.stringify({ outcome: 'updated' }) });
    const before = github.requests().length;
    const again = { ...delivery, headers: { ...delivery.headers, 'x-github-delivery': '0123abcd-0000-4000-8000-00000000beef' } };
    await expect(send(again)).resolves.toMatchObject({ statusCode: 409, body: JSON.stringify({ outcome: 'replayed' }) });
    expect(github.requests()).toHaveLength(before);
    expect(site.kvs.listPlain('github:delivery:').map((entry) => entry.key)).toContainEqual(
      expect.stringMatching(/^github:delivery:sha256-[0-9a-f]{64}$/),
    );
  });

  it.each([
    ['no signature', (d: { headers: Record<string, string> }) => void delete d.headers['x-hub-signature-256'], 401, 'unsigned'],
    [
      'only the legacy SHA-1 signature',
      (d: { headers: Record<string, string> }) => void delete d.headers['x-hub-signature-256'],
      401,
      'unsigned',
    ],
    [
      'a signature that is not sha256=<hex>',
      (d: { headers: Record<string, string> }) => void (d.headers['x-hub-signature-256'] = 'sha256=xyz'),
      401,
      'unsigned',
    ],
    [
      'a signature of another secret',
      (d: { headers: Record<string, string>; body: string }) =>
        void (d.headers['x-hub-signature-256'] = signedDelivery('pull_request', {}, 'not-the-secret').headers['x-hub-signature-256']!),
      401,
      'bad-signature',
    ],
    [
      'a body changed after signing',
      (d: { body: string }) => void (d.body = d.body.replace('"number":1', '"number":2')),
      401,
      'bad-signature',
    ],
    ['no delivery id', (d: { headers: Record<string, string> }) => void delete d.headers['x-github-delivery'], 400, 'malformed'],
  ])('refuses a delivery with %s, reading nothing', async (_, spoil, status, outcome) => {
    const delivery = github.webhookDelivery(REPOSITORY, 1, secret, { kind: 'pull_request', action: 'edited' });
    spoil(delivery);
    const before = github.requests().length;
    await expect(send(delivery)).resolves.toMatchObject({ statusCode: status, body: JSON.stringify({ outcome }) });
    expect(github.requests()).toHaveLength(before);
  });

  it('refuses a repository not watched, and an event older than a few hours', async () => {
    github.addPullRequest(DEMO_REPOSITORIES.platformApi, { title: 'x', author: DEMO_GITHUB_LOGIN, headRef: 'x', createdAt: now });
    await expect(
      send(github.webhookDelivery(DEMO_REPOSITORIES.platformApi, 1, secret, { kind: 'pull_request', action: 'opened' })),
    ).resolves.toMatchObject({
      statusCode: 403,
      body: JSON.stringify({ outcome: 'not-watched' }),
    });
    // Last changed seven hours ago (by the app's clock): a delivery about it now is an old one sent again.
    const quiet = github.addPullRequest(REPOSITORY, {
      title: 'FLOW-9 old',
      author: DEMO_GITHUB_LOGIN,
      headRef: 'flow-9',
      createdAt: new Date(Date.now() - 7 * HOUR),
    });
    const old = github.webhookDelivery(REPOSITORY, quiet.number, secret, { kind: 'pull_request', action: 'edited' });
    await expect(send(old)).resolves.toMatchObject({ statusCode: 422, body: JSON.stringify({ outcome: 'stale' }) });
  });

  it("refuses an oversized body before checking anything, and the platform refuses one over Forge's limit", async () => {
    const padded = signedDelivery('pull_request', { padding: 'x'.repeat(MAX_WEBHOOK_BODY_BYTES) }, secret);
    await expect(send(padded)).resolves.toMatchObject({ statusCode: 413, body: JSON.stringify({ outcome: 'too-large' }) });
    const huge = signedDelivery('pull_request', { padding: 'x'.repeat(600 * 1024) }, secret);
    await expect(send(huge)).resolves.toMatchObject({ statusCode: 413 });
  });

  it('acknowledges events it has no use for, and refuses other methods', async () => {
    await expect(send(signedDelivery('ping', { zen: 'Keep it logically awesome.', hook_id: 1 }, secret))).resolves.toMatchObject({
      statusCode: 202,
      body: JSON.stringify({ outcome: 'ignored' }),
    });
    await expect(send({ headers: {}, body: '' }, 'GET')).resolves.toMatchObject({ statusCode: 405 });
  });

  it('replaces the secret: deliveries signed with the old one are refused from then on', async () => {
    const old = secret;
    secret = (await admin('createGitHubWebhookSecret')).secret;
    expect(secret).not.toBe(old);
    now = new Date(now.getTime() + HOUR);
    github.amendPullRequest(REPOSITORY, 1, { mergedAt: now });
    await expect(send(github.webhookDelivery(REPOSITORY, 1, old, { kind: 'pull_request', action: 'closed' }))).resolves.toMatchObject({
      statusCode: 401,
    });
    await expect(send(github.webhookDelivery(REPOSITORY, 1, secret, { kind: 'pull_request', action: 'closed' }))).resolves.toMatchObject({
      statusCode: 200,
    });
  });

  it('forgets the secret and every remembered delivery on disconnect', async () => {
    await admin('disconnectGitHub');
    expect([...site.kvs.listPlain(), ...site.kvs.listSecrets()].filter((entry) => /github/.test(entry.key))).toEqual([]);
  });
});
