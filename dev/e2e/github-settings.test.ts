import type { Page } from 'playwright-core';
import { parseSealingKeyRing } from '../../src/adapters/secrets/sealing-key-ring';
import { isSealedSecret, open } from '../../src/adapters/secrets/sealed-secret';
import { DEMO_GITHUB_LOGIN, DEMO_REPOSITORIES } from '../github/demo-github';
import { developmentSealingKeys } from '../sealing/development-sealing-keys';
import { appFrame } from '../testing/open-host-page';
import { e2eSuite } from './e2e-suite';

jest.setTimeout(120_000);

/**
 * The GitHub tab's webhook and generated-files parts in headless Chromium, on the local host with the real
 * resolvers: the webhook secret is shown once, sealed in its own slot, then only "Set" (also after a reload);
 * the simulated GitHub, given the tab's address and secret, delivers and is answered 200; the generated
 * paths are checked as typed and stored when saved.
 */
const suite = e2eSuite({ site: 'fresh' });
let page: Page;
const settings = () => appFrame(page);

beforeAll(async () => {
  const admin = suite.site.users.find((user) => user.role === 'admin')!;
  await suite.site.platform.invokeResolver({
    moduleKey: 'flow-metrics-settings',
    functionKey: 'connectGitHub',
    payload: { token: suite.site.github.tokens.readOnly.token, repositories: [DEMO_REPOSITORIES.webApp] },
    accountId: admin.accountId,
  });
  ({ page } = await suite.pages.open({
    path: '/settings/flow-metrics',
    as: 'admin',
    viewport: { width: 1280, height: 1000 },
    theme: 'light',
  }));
}, 120_000);

function openedSecret(slot: string): string {
  const ring = parseSealingKeyRing(developmentSealingKeys());
  if (!ring.configured) throw new Error('The development sealing key does not parse');
  const stored = suite.site.kvs.listSecrets().find((entry) => entry.key === slot);
  if (!stored || !isSealedSecret(stored.value)) throw new Error(`${slot} holds no sealed value`);
  const result = open(ring.keys, slot, stored.value);
  if (!result.ok) throw new Error(`${slot} does not open`);
  return result.plaintext;
}

it("generates a webhook secret shown once, sealed, that the simulated GitHub's deliveries are then signed with", async () => {
  await settings().getByRole('tab', { name: 'GitHub', exact: true }).click();
  const webhook = settings().getByTestId('github-webhook');
  const url = await webhook.getByTestId('github-webhook-url').textContent({ timeout: 30_000 });
  expect(url).toMatch(new RegExp(`^${suite.site.hostUrl}/x1/`));
  await expect(webhook.getByTestId('github-webhook-secret-state').textContent()).resolves.toBe('Not set');

  await webhook.getByRole('button', { name: 'Generate secret' }).click();
  const secret = (await webhook.getByTestId('github-webhook-secret').textContent({ timeout: 20_000 }))!;
  expect(secret).toMatch(/^[0-9a-f]{64}$/);
  expect(openedSecret('secret:github-webhook-secret')).toBe(secret);
  expect(JSON.stringify(suite.site.kvs.listPlain())).not.toContain(secret);

  await webhook.getByRole('button', { name: 'I have copied it' }).click();
  await expect(settings().locator('body').innerHTML()).resolves.not.toContain(secret);
  await page.reload();
  await settings().getByRole('tab', { name: 'GitHub', exact: true }).click();
  await expect(settings().getByTestId('github-webhook-secret-state').textContent({ timeout: 30_000 })).resolves.toBe('Set');
  await expect(settings().locator('body').innerHTML()).resolves.not.toContain(secret);

  // As an admin would on GitHub: the address and the secret into a repository webhook, then a delivery.
  suite.site.github.github.addWebhook(DEMO_REPOSITORIES.webApp, { url: url!, secret });
  const opened = suite.site.github.github.addPullRequest(DEMO_REPOSITORIES.webApp, {
    title: 'FLOW-1 new',
    author: DEMO_GITHUB_LOGIN,
    headRef: 'flow-1-new',
    createdAt: new Date(),
  });
  const answer = await fetch(`${suite.site.hostUrl}/__github/webhooks/deliver`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ repository: DEMO_REPOSITORIES.webApp, number: opened.number, event: 'pull_request', action: 'opened' }),
  });
  await expect(answer.json()).resolves.toEqual({ sent: [{ url, status: 200 }] });
  const stored = suite.site.kvs
    .listPlain('github:repo:acme-flow:web-app:pulls:')
    .flatMap((entry) => (entry.value as { pulls: Array<{ number: number }> }).pulls);
  expect(stored.map((pull) => pull.number)).toContain(opened.number);
});

it('checks generated-path patterns as typed and stores them when saved', async () => {
  const form = settings().getByTestId('generated-paths');
  const field = form.getByLabel('Generated paths');
  await field.fill('src/api/generated/**\n!keep.ts');
  await expect(form.getByTestId('generated-paths-problem').textContent()).resolves.toMatch(/negative patterns are not supported/);
  await expect(form.getByRole('button', { name: 'Save generated paths' }).isDisabled()).resolves.toBe(true);
  await field.fill('src/api/generated/**\n**/*.pb.go');
  await form.getByRole('button', { name: 'Save generated paths' }).click();
  await form.getByTestId('generated-paths-saved').waitFor({ timeout: 20_000 });
  expect(suite.site.kvs.listPlain('settings:github-generated-paths')).toEqual([
    expect.objectContaining({ value: { version: 2, patterns: ['src/api/generated/**', '**/*.pb.go'] } }),
  ]);
});
