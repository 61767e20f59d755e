import { createDemoGitHub, DEMO_REPOSITORIES } from '../../../dev/github/demo-github';
import { toResponse } from '../../../dev/runtime/product-target';
import { GitHubRestAccount, parseTokenExpiration } from './github-rest-account';

const NOW = new Date('2026-03-10T12:00:00Z');
const demo = createDemoGitHub(() => NOW);
const seen: Array<{ url: string; headers: Record<string, string> }> = [];
const originalFetch = globalThis.fetch;

beforeAll(() => {
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    seen.push({ url: url.toString(), headers });
    return toResponse(await demo.github.handle({ method: init?.method ?? 'GET', path: url.pathname + url.search, headers }));
  };
});
afterAll(() => {
  globalThis.fetch = originalFetch;
});

describe('GitHub through a personal access token', () => {
  const account = new GitHubRestAccount();

  it('identifies a fine-grained token, with its expiry and no scopes', async () => {
    await expect(account.identify(demo.tokens.readOnly.token)).resolves.toEqual({
      login: 'flow-metrics-reader',
      scopes: null,
      expiresAt: '2026-05-09T12:00:00.000Z',
    });
  });

  it("reads a classic token's scopes", async () => {
    await expect(account.identify(demo.tokens.classicBroad.token)).resolves.toMatchObject({
      scopes: ['repo', 'read:org'],
      expiresAt: null,
    });
  });

  it("sends the token only in the Authorization header, with GitHub's API version", async () => {
    seen.length = 0;
    await account.repository(demo.tokens.readOnly.token, DEMO_REPOSITORIES.webApp);
    expect(seen[0]!.url).toBe('https://api.github.com/repos/acme-flow/web-app');
    expect(seen[0]!.headers).toMatchObject({
      authorization: `token ${demo.tokens.readOnly.token}`,
      'x-github-api-version': '2022-11-28',
      accept: 'application/vnd.github+json',
    });
  });

  it('tells a visible repository from one the token cannot see', async () => {
    await expect(account.repository(demo.tokens.narrow.token, DEMO_REPOSITORIES.webApp)).resolves.toEqual({
      fullName: DEMO_REPOSITORIES.webApp,
      private: true,
      archived: false,
      defaultBranch: 'main',
    });
    await expect(account.repository(demo.tokens.narrow.token, DEMO_REPOSITORIES.platformApi)).resolves.toBeNull();
  });

  it('turns 401 into "unauthorized" and a spent budget into "rate-limited", quoting neither the token nor the body', async () => {
    await expect(account.identify(demo.tokens.revoked.token)).rejects.toMatchObject({ name: 'ServiceRefusal', reason: 'unauthorized' });
    demo.github.setRemaining('flow-metrics-reader', 0);
    const refusal = await account.identify(demo.tokens.readOnly.token).catch((error: Error) => error);
    expect(refusal).toMatchObject({ reason: 'rate-limited' });
    expect(String((refusal as Error).message)).not.toContain(demo.tokens.readOnly.token);
  });
});

describe("GitHub's token expiration header", () => {
  it.each([
    ['2026-06-01 12:00:00 UTC', '2026-06-01T12:00:00.000Z'],
    ['2026-06-01 12:00:00 -0700', '2026-06-01T19:00:00.000Z'],
    ['not a date', null],
    [null, null],
  ])('reads %p', (header, expected) => expect(parseTokenExpiration(header)).toBe(expected));
});
