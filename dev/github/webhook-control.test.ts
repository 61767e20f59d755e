import path from 'node:path';
import type { AnswerOf, ResolverResult, SettingsFunctions } from '../../src/shared/resolver-contract';
import { startLocalSite, type LocalSite } from '../local-site';
import { dataOf } from '../testing/settings-test-site';
import { DEMO_REPOSITORIES } from './demo-github';

/**
 * `npm start`'s simulated GitHub sending webhooks over HTTP: a hook added through the control API with the
 * address and secret the settings page gives, then a delivery about a pull request, which reaches the app's
 * web trigger on the local host, is verified there, and updates the stored pull request.
 */
let site: LocalSite;

beforeAll(async () => {
  site = await startLocalSite({ rootDir: path.resolve(__dirname, '../..'), port: 0, dataDir: null });
});

afterAll(async () => {
  await site?.close();
});

const control = async (route: string, body: unknown) => {
  const response = await fetch(`${site.hostUrl}/__github/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

it("delivers a signed pull_request event to the app's web trigger, which reads that pull request again", async () => {
  const admin = site.users.find((user) => user.role === 'admin')!;
  const settings = async <Key extends keyof SettingsFunctions>(functionKey: Key, payload: unknown = {}) =>
    (await site.platform.invokeResolver({
      moduleKey: 'flow-metrics-settings',
      functionKey,
      payload,
      accountId: admin.accountId,
    })) as ResolverResult<AnswerOf<Key>>;
  const repository = DEMO_REPOSITORIES.webApp;
  await settings('connectGitHub', { token: site.github.tokens.readOnly.token, repositories: [repository] });
  const created = dataOf(await settings('createGitHubWebhookSecret'));
  expect(created.url).toMatch(new RegExp(`^${site.hostUrl}/x1/`));

  await expect(control('hooks', { repository, url: created.url, secret: created.secret })).resolves.toMatchObject({ status: 201 });
  const open = site.github.github.pullRequests(repository).find((pull) => pull.closedAt === null)!;
  site.github.github.amendPullRequest(repository, open.number, { mergedAt: new Date(Math.floor(Date.now() / 1000) * 1000) });
  const delivered = await control('webhooks/deliver', { repository, number: open.number, event: 'pull_request', action: 'closed' });
  expect(delivered).toEqual({ status: 200, body: { sent: [{ url: created.url, status: 200 }] } });

  const stored = site.kvs
    .listPlain(`github:repo:${repository.replace('/', ':')}:pulls:`)
    .flatMap((entry) => (entry.value as { pulls: Array<{ number: number; mergedAt: number | null }> }).pulls)
    .find((pull) => pull.number === open.number);
  expect(stored?.mergedAt).not.toBeNull();

  // The same hook with a wrong secret: GitHub's delivery log would show 401.
  await control('hooks', { repository, url: created.url, secret: 'not-the-secret' });
  await expect(control('webhooks/deliver', { repository, number: open.number, event: 'pull_request', action: 'edited' })).resolves.toEqual({
    status: 200,
    body: { sent: [{ url: created.url, status: 401 }] },
  });
});
