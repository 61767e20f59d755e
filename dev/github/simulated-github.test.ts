import { OpenApiContract } from '../testing/openapi-contract';
import { createDemoGitHub, DEMO_GITHUB_LOGIN, DEMO_REPOSITORIES } from './demo-github';

/**
 * The simulated GitHub behaves as GitHub does for the calls the app makes, and every body it sends is valid
 * against GitHub's own description of the operation.
 */
const contract = new OpenApiContract('github-rest.subset.openapi.json');
const NOW = new Date('2026-03-10T12:00:00Z');

function setUp() {
  const demo = createDemoGitHub(() => NOW);
  const get = async (path: string, token?: string) => {
    const answer = await demo.github.handle({ method: 'GET', path, headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { ...answer, json: JSON.parse(answer.body) as Record<string, unknown> };
  };
  return { ...demo, get };
}

function expectContract(template: string, answer: { status: number; json: unknown }) {
  const check = contract.check('get', template, answer.status, answer.json);
  expect(check.problems).toEqual([]);
  expect(contract.documentsStatus('get', template, answer.status)).toBe(true);
}

describe('the simulated GitHub', () => {
  it('answers GET /user with the token owner, its expiry and rate-limit headers', async () => {
    const { get, tokens } = setUp();
    const answer = await get('/user', tokens.readOnly.token);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ login: DEMO_GITHUB_LOGIN, type: 'User', user_view_type: 'private' });
    expect(answer.headers['github-authentication-token-expiration']).toBe('2026-05-09 12:00:00 UTC');
    expect(answer.headers['x-oauth-scopes']).toBeUndefined();
    expect(answer.headers).toMatchObject({
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-used': '1',
      'x-ratelimit-resource': 'core',
    });
    expect(Number(answer.headers['x-ratelimit-reset'])).toBe(Math.floor(NOW.getTime() / 1000) + 3600);
    expectContract('/user', answer);
  });

  it("reports a classic token's scopes and no expiry when it has none", async () => {
    const { get, tokens } = setUp();
    const answer = await get('/user', tokens.classicBroad.token);
    expect(answer.headers['x-oauth-scopes']).toBe('repo, read:org');
    expect(answer.headers['github-authentication-token-expiration']).toBeUndefined();
    expectContract('/user', answer);
  });

  it.each(['expired', 'revoked'] as const)('answers 401 Bad credentials to a %s token', async (which) => {
    const { get, tokens } = setUp();
    const answer = await get('/user', tokens[which].token);
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    expectContract('/user', answer);
  });

  it('answers 401 to an unknown token even on a public repository, and "Requires authentication" without one', async () => {
    const { get } = setUp();
    expect((await get(`/repos/${DEMO_REPOSITORIES.designSystem}`, 'ghp_unknown')).status).toBe(401);
    const anonymous = await get('/user');
    expect(anonymous).toMatchObject({ status: 401, json: { message: 'Requires authentication' } });
    expect(anonymous.headers['x-ratelimit-limit']).toBe('60');
    expectContract('/user', anonymous);
  });

  it("shows a repository the token may read, with GitHub's full repository shape", async () => {
    const { get, tokens } = setUp();
    const answer = await get('/repos/ACME-FLOW/Web-App', tokens.readOnly.token);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ full_name: DEMO_REPOSITORIES.webApp, private: true, default_branch: 'main', archived: false });
    expectContract('/repos/{owner}/{repo}', answer);
  });

  it("answers 404 for a private repository outside the token's selection, and for one that does not exist", async () => {
    const { get, tokens } = setUp();
    for (const path of [`/repos/${DEMO_REPOSITORIES.platformApi}`, '/repos/acme-flow/no-such-repo']) {
      const answer = await get(path, tokens.narrow.token);
      expect(answer.status).toBe(404);
      expect(answer.json).toMatchObject({ message: 'Not Found' });
      expectContract('/repos/{owner}/{repo}', answer);
    }
    // Public repositories are readable by every valid token.
    expect((await get(`/repos/${DEMO_REPOSITORIES.designSystem}`, tokens.narrow.token)).status).toBe(200);
  });

  it("counts requests per account and answers 403 once the hour's budget is spent", async () => {
    const { github, get, tokens } = setUp();
    github.setRemaining(DEMO_GITHUB_LOGIN, 1);
    expect((await get('/user', tokens.readOnly.token)).headers['x-ratelimit-remaining']).toBe('0');
    const refused = await get('/user', tokens.readOnly.token);
    expect(refused.status).toBe(403);
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');
    expect(String(refused.json.message)).toMatch(/^API rate limit exceeded for user ID \d+\.$/);
    expectContract('/user', refused);
    const limits = await get('/rate_limit', tokens.readOnly.token);
    expect(limits.json).toMatchObject({ resources: { core: { limit: 5000, remaining: 0, used: 5000 } } });
    expectContract('/rate_limit', limits);
  });

  it('logs what it answered by account, never by token', async () => {
    const { github, get, tokens } = setUp();
    await get('/user', tokens.readOnly.token);
    await get('/user', tokens.revoked.token);
    expect(github.requests()).toEqual([
      { method: 'GET', path: '/user', status: 200, login: DEMO_GITHUB_LOGIN },
      { method: 'GET', path: '/user', status: 401, login: null },
    ]);
    expect(JSON.stringify(github.requests())).not.toContain('github_pat_');
  });

  it("derives demo tokens in GitHub's shapes, the same on every run", () => {
    const first = setUp().tokens;
    const second = setUp().tokens;
    expect(first.readOnly.token).toBe(second.readOnly.token);
    expect(first.readOnly.token).toMatch(/^github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}$/);
    expect(first.classicBroad.token).toMatch(/^ghp_[A-Za-z0-9]{36}$/);
  });
});
