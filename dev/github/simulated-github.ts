import type { SimulatedService } from '../runtime/product-target';
import { basicErrorJson, fullRepositoryJson, privateUserJson, rateLimitJson, type SimAccount, type SimRepository } from './github-json';
import { pageOf } from './github-paging';
import { answerGraphql } from './graphql/graphql-endpoint';
import { PullRequestLedger, type NewPullRequest, type NewReview } from './pull-request-ledger';
import { pullRequestReviewJson, pullRequestSimpleJson, type SimPullRequest } from './pull-request-json';
import {
  pullRequestEventPayload,
  pullRequestReviewEventPayload,
  signedDelivery,
  type PullRequestAction,
  type SimWebhookDelivery,
} from './webhook-deliveries';

/**
 * GitHub's REST API (api.github.com) as far as the app uses it, in process: `GET /user`, `GET /repos/{owner}/{repo}`,
 * `GET /rate_limit`, and the pull requests of a repository with their reviews (`GET …/pulls`,
 * `GET …/pulls/{pull_number}/reviews`, paged with a `Link` header), with GitHub's status codes, bodies and headers:
 * - 401 "Bad credentials" for an unknown, revoked or expired token; 401 "Requires authentication" without one;
 * - 404 for a repository that does not exist or that the token may not see (GitHub does not tell them apart);
 * - `x-ratelimit-*` headers on every answer, and 403 "API rate limit exceeded" once a bucket is spent;
 * - `x-oauth-scopes` for classic tokens, `github-authentication-token-expiration` for tokens that expire.
 *
 * Tests control it directly: which tokens exist and what each may see, the rate-limit budget, the clock. It
 * keeps a log of the requests it answered, naming the token's account, never the token.
 */
/** A failure `refuseWith` injects. */
export type InjectedFailure = 'graphql-forbidden' | 'saml-forbidden' | 'server-error';

type SimTokenKind = 'fine-grained' | 'classic';

export interface SimToken {
  token: string;
  login: string;
  kind: SimTokenKind;
  /** Classic tokens only: their OAuth scopes. */
  scopes: string[];
  expiresAt: Date | null;
  /** Private repositories the token may read (`owner/repo`), or every repository of the simulation. Public ones are always readable. */
  repositories: 'all' | string[];
  revoked: boolean;
}

export interface AnsweredRequest {
  method: string;
  path: string;
  status: number;
  /** The token's account, or null when the request carried no valid token. */
  login: string | null;
}

const AUTHENTICATED_LIMIT = 5000;
const ANONYMOUS_LIMIT = 60;
const HOUR_MS = 3_600_000;

interface RateBucket {
  limit: number;
  used: number;
  resetAt: number;
}

type Answer = { status: number; headers: Record<string, string>; body: string };

export class SimulatedGitHub implements SimulatedService {
  private readonly accounts = new Map<string, SimAccount>();
  private readonly repositories = new Map<string, SimRepository>();
  private readonly tokens = new Map<string, SimToken>();
  private readonly buckets = new Map<string, RateBucket>();
  private readonly answered: AnsweredRequest[] = [];
  private readonly pulls = new PullRequestLedger(() => this.nextId++);
  private requestCounter = 0;
  /** Requests still to be refused by a secondary rate limit, and the wait each refusal asks for. */
  private secondaryLimit = { refusals: 0, retryAfterSeconds: 60 };
  /** Requests still to be refused with an injected failure (`refuseWith`), and which. */
  private injected: { refusals: number; failure: InjectedFailure } = { refusals: 0, failure: 'server-error' };
  private nextId = 9_100_000;
  /** Repository webhooks, as an admin adds them in the repository's settings: where to, and the secret. */
  private readonly hooks = new Map<string, Array<{ url: string; secret: string }>>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  addAccount(login: string, options: { type?: 'User' | 'Organization'; name?: string | null } = {}): SimAccount {
    const account: SimAccount = {
      login,
      id: this.nextId++,
      type: options.type ?? 'User',
      name: options.name ?? null,
      createdAt: '2019-04-02T09:30:00Z',
    };
    this.accounts.set(login.toLowerCase(), account);
    return account;
  }

  addRepository(
    fullName: string,
    options: {
      private?: boolean;
      archived?: boolean;
      defaultBranch?: string;
      description?: string | null;
      language?: string | null;
      gitattributes?: string | null;
    } = {},
  ): SimRepository {
    const [ownerLogin, name] = fullName.split('/');
    if (!ownerLogin || !name) throw new Error(`Not owner/repo: ${fullName}`);
    const owner = this.accounts.get(ownerLogin.toLowerCase()) ?? this.addAccount(ownerLogin, { type: 'Organization' });
    const repository: SimRepository = {
      owner,
      name,
      id: this.nextId++,
      private: options.private ?? true,
      archived: options.archived ?? false,
      defaultBranch: options.defaultBranch ?? 'main',
      description: options.description ?? null,
      language: options.language ?? 'TypeScript',
      createdAt: '2021-06-14T08:00:00Z',
      pushedAt: '2026-02-27T16:42:10Z',
      gitattributes: options.gitattributes ?? null,
    };
    this.repositories.set(fullName.toLowerCase(), repository);
    return repository;
  }

  /** A token for an existing account. */
  issueToken(spec: Partial<SimToken> & Pick<SimToken, 'token' | 'login'>): SimToken {
    if (!this.accounts.has(spec.login.toLowerCase())) throw new Error(`No GitHub account ${spec.login}`);
    const token: SimToken = {
      kind: spec.token.startsWith('github_pat_') ? 'fine-grained' : 'classic',
      scopes: [],
      expiresAt: null,
      repositories: [],
      revoked: false,
      ...spec,
    };
    this.tokens.set(token.token, token);
    return token;
  }

  /** A pull request in an existing repository, by an existing account; numbered in the order added. */
  addPullRequest(repositoryFullName: string, spec: NewPullRequest): SimPullRequest {
    const repository = this.repositories.get(repositoryFullName.toLowerCase());
    if (!repository) throw new Error(`No GitHub repository ${repositoryFullName}`);
    const account = (login: string) => {
      const found = this.accounts.get(login.toLowerCase());
      if (!found) throw new Error(`No GitHub account ${login}`);
      return found;
    };
    return this.pulls.add(repository, spec, account);
  }

  /** A review, merge or close of an existing pull request, which moves its `updated_at`. */
  amendPullRequest(
    repositoryFullName: string,
    number: number,
    change: { review?: NewReview; mergedAt?: Date; closedAt?: Date },
  ): SimPullRequest {
    const repository = this.repositories.get(repositoryFullName.toLowerCase());
    if (!repository) throw new Error(`No GitHub repository ${repositoryFullName}`);
    return this.pulls.amend(repository, number, change, (login) => {
      const found = this.accounts.get(login.toLowerCase());
      if (!found) throw new Error(`No GitHub account ${login}`);
      return found;
    });
  }

  /** A repository webhook (Settings → Webhooks → Add webhook), for pull requests and reviews; a second one for the same URL replaces it. */
  addWebhook(repositoryFullName: string, hook: { url: string; secret: string }): void {
    const key = repositoryFullName.toLowerCase();
    if (!this.repositories.has(key)) throw new Error(`No GitHub repository ${repositoryFullName}`);
    this.hooks.set(key, [...(this.hooks.get(key) ?? []).filter((existing) => existing.url !== hook.url), hook]);
  }

  webhooksOf(repositoryFullName: string): ReadonlyArray<{ url: string; secret: string }> {
    return this.hooks.get(repositoryFullName.toLowerCase()) ?? [];
  }

  /**
   * The webhook delivery GitHub would send now about a pull request, signed with the hook's secret: a
   * `pull_request` event (`action`), or a `pull_request_review` `submitted` event for its latest review.
   */
  webhookDelivery(
    repositoryFullName: string,
    number: number,
    secret: string,
    event: { kind: 'pull_request'; action: PullRequestAction } | { kind: 'pull_request_review' },
  ): SimWebhookDelivery {
    const pull = this.pullRequests(repositoryFullName).find((candidate) => candidate.number === number);
    if (!pull) throw new Error(`No pull request #${number} in ${repositoryFullName}`);
    const payload = event.kind === 'pull_request' ? pullRequestEventPayload(pull, event.action) : pullRequestReviewEventPayload(pull);
    return signedDelivery(event.kind, payload, secret);
  }

  /** Tokens may no longer read the repository's files (Contents: read not granted): `.gitattributes` answers FORBIDDEN. */
  withholdContents(repositoryFullName: string): void {
    const repository = this.repositories.get(repositoryFullName.toLowerCase());
    if (repository) repository.contentsWithheld = true;
  }

  /** Every pull request of a repository, oldest first. */
  pullRequests(repositoryFullName: string): SimPullRequest[] {
    const repository = this.repositories.get(repositoryFullName.toLowerCase());
    return repository ? [...this.pulls.of(repository)] : [];
  }

  revokeToken(token: string): void {
    const found = this.tokens.get(token);
    if (found) found.revoked = true;
  }

  /** Spends an account's budget so that only `remaining` requests are left in this hour. */
  setRemaining(login: string, remaining: number): void {
    const bucket = this.bucketFor(login.toLowerCase(), AUTHENTICATED_LIMIT);
    bucket.used = Math.max(0, bucket.limit - remaining);
  }

  /** GitHub's secondary rate limit: the next `refusals` requests are refused with a `retry-after`. */
  refuseWithSecondaryLimit(refusals: number, retryAfterSeconds = 60): void {
    this.secondaryLimit = { refusals, retryAfterSeconds };
  }

  /**
   * The next `refusals` requests fail as GitHub fails for reasons other than a rate limit or a bad token:
   * - `graphql-forbidden`: GraphQL's 200 with `data.repository: null` and an error of type `FORBIDDEN` (a
   *   fine-grained token without the Pull requests permission);
   * - `saml-forbidden`: 403 "Resource protected by organization SAML enforcement" (a token not yet authorized
   *   for the organisation's single sign-on);
   * - `server-error`: 502 from GitHub's front end.
   */
  refuseWith(failure: InjectedFailure, refusals = 1): void {
    this.injected = { refusals, failure };
  }

  /** Spends the account's GraphQL points so that only `remaining` are left in this hour. */
  setGraphqlRemaining(login: string, remaining: number): void {
    const bucket = this.bucketFor(`graphql:${login.toLowerCase()}`, AUTHENTICATED_LIMIT);
    bucket.used = Math.max(0, bucket.limit - remaining);
  }

  /** GraphQL points the account has spent this hour. */
  graphqlPointsUsed(login: string): number {
    return this.bucketFor(`graphql:${login.toLowerCase()}`, AUTHENTICATED_LIMIT).used;
  }

  requests(): AnsweredRequest[] {
    return [...this.answered];
  }

  handle(request: { method: string; path: string; headers: Record<string, string>; body?: string }): Promise<Answer> {
    const url = new URL(request.path, 'https://api.github.com');
    const token = this.presentedToken(request.headers);
    const auth = token === null ? null : this.validToken(token);
    const answer = this.route(request.method.toUpperCase(), url, token !== null, auth, request.body);
    this.answered.push({ method: request.method.toUpperCase(), path: url.pathname, status: answer.status, login: auth?.login ?? null });
    return Promise.resolve(answer);
  }

  private route(method: string, url: URL, presentedToken: boolean, auth: SimToken | null, body?: string): Answer {
    // A token GitHub does not accept fails every request, even ones that would work anonymously.
    if (presentedToken && !auth) return this.json(401, basicErrorJson(401, 'Bad credentials'), null);
    if (this.secondaryLimit.refusals > 0) {
      this.secondaryLimit.refusals -= 1;
      const refusal = this.json(
        403,
        basicErrorJson(
          403,
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        ),
        auth,
      );
      refusal.headers['retry-after'] = String(this.secondaryLimit.retryAfterSeconds);
      return refusal;
    }
    if (this.injected.refusals > 0) {
      this.injected.refusals -= 1;
      return this.injectedFailure(this.injected.failure, auth);
    }
    if (method === 'POST' && url.pathname === '/graphql') return this.graphql(auth, body);
    const bucketKey = auth ? auth.login.toLowerCase() : 'anonymous';
    const bucket = this.bucketFor(bucketKey, auth ? AUTHENTICATED_LIMIT : ANONYMOUS_LIMIT);

    if (method === 'GET' && url.pathname === '/rate_limit') {
      // Asking for the rate limit does not count against it.
      return this.json(200, rateLimitJson(bucket.limit, bucket.used, Math.floor(bucket.resetAt / 1000)), auth, bucket);
    }
    if (bucket.used >= bucket.limit) {
      const account = auth ? this.accounts.get(auth.login.toLowerCase()) : undefined;
      const message = account ? `API rate limit exceeded for user ID ${account.id}.` : 'API rate limit exceeded.';
      return this.json(
        403,
        basicErrorJson(403, message, 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api'),
        auth,
        bucket,
      );
    }
    bucket.used += 1;

    if (method === 'GET' && url.pathname === '/user') {
      if (!auth) {
        return this.json(
          401,
          basicErrorJson(401, 'Requires authentication', 'https://docs.github.com/rest/users/users#get-the-authenticated-user'),
          null,
          bucket,
        );
      }
      const account = this.accounts.get(auth.login.toLowerCase())!;
      const owned = [...this.repositories.values()].filter((r) => r.owner === account);
      return this.json(
        200,
        privateUserJson(account, owned.filter((r) => r.private).length, owned.filter((r) => !r.private).length),
        auth,
        bucket,
      );
    }
    const repoPath = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (method === 'GET' && repoPath) {
      const fullName = `${decodeURIComponent(repoPath[1]!)}/${decodeURIComponent(repoPath[2]!)}`;
      const rest = repoPath[3] ?? '';
      const repository = this.repositories.get(fullName.toLowerCase());
      if (!repository || !this.canSee(auth, repository)) {
        const docs = rest === '' ? 'https://docs.github.com/rest/repos/repos#get-a-repository' : 'https://docs.github.com/rest';
        return this.json(404, basicErrorJson(404, 'Not Found', docs), auth, bucket);
      }
      if (rest === '') {
        const owns = auth !== null && repository.owner.login.toLowerCase() === auth.login.toLowerCase();
        return this.json(200, fullRepositoryJson(repository, { admin: owns, push: owns, pull: true }), auth, bucket);
      }
      if (rest === '/pulls') return this.listPulls(repository, url, auth, bucket);
      const reviewsPath = /^\/pulls\/(\d+)\/reviews$/.exec(rest);
      if (reviewsPath) return this.listReviews(repository, Number(reviewsPath[1]), url, auth, bucket);
    }
    return this.json(404, basicErrorJson(404, 'Not Found'), auth, bucket);
  }

  private injectedFailure(failure: InjectedFailure, auth: SimToken | null): Answer {
    if (failure === 'graphql-forbidden') {
      const error = { type: 'FORBIDDEN', path: ['repository'], message: 'Resource not accessible by personal access token' };
      return this.json(200, { data: { repository: null }, errors: [error] }, auth);
    }
    if (failure === 'saml-forbidden') {
      const message =
        'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.';
      return this.json(
        403,
        basicErrorJson(403, message, 'https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/'),
        auth,
      );
    }
    return this.json(502, { message: 'Server Error' }, auth);
  }

  /** `POST /graphql`: GitHub's GraphQL API, for authenticated callers only, on its own points budget. */
  private graphql(auth: SimToken | null, body: string | undefined): Answer {
    if (!auth) {
      return this.json(
        401,
        basicErrorJson(
          401,
          'This endpoint requires you to be authenticated.',
          'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql',
        ),
        null,
      );
    }
    const account = this.accounts.get(auth.login.toLowerCase())!;
    const bucket = this.bucketFor(`graphql:${auth.login.toLowerCase()}`, AUTHENTICATED_LIMIT);
    const visible = (repository: SimRepository | undefined) => (repository && this.canSee(auth, repository) ? repository : null);
    const answer = answerGraphql(
      body,
      {
        accountId: account.id,
        repository: (fullName) => visible(this.repositories.get(fullName.toLowerCase())),
        pullRequests: (repository) => this.pulls.of(repository),
        visiblePullRequests: () => [...this.repositories.values()].filter((r) => visible(r)).flatMap((r) => [...this.pulls.of(r)]),
      },
      bucket,
    );
    const response = this.json(answer.status, answer.body, auth, bucket);
    response.headers['x-ratelimit-resource'] = 'graphql';
    return response;
  }

  /** `GET /repos/{owner}/{repo}/pulls`: filtered by state, head and base, sorted, one page of it. */
  private listPulls(repository: SimRepository, url: URL, auth: SimToken | null, bucket: RateBucket): Answer {
    const query = this.pulls.readQuery(url.searchParams);
    if (!query.ok) {
      const body = {
        message: 'Validation Failed',
        errors: [{ resource: 'PullRequest', field: query.field, code: 'invalid' }],
        documentation_url: 'https://docs.github.com/rest/pulls/pulls#list-pull-requests',
      };
      return this.json(422, body, auth, bucket);
    }
    const page = pageOf(this.pulls.list(repository, query), url);
    return this.json(200, page.items.map(pullRequestSimpleJson), auth, bucket, page.link);
  }

  /** `GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews`: chronological, one page of it. */
  private listReviews(repository: SimRepository, number: number, url: URL, auth: SimToken | null, bucket: RateBucket): Answer {
    const pull = this.pulls.find(repository, number);
    if (!pull)
      return this.json(
        404,
        basicErrorJson(404, 'Not Found', 'https://docs.github.com/rest/pulls/reviews#list-reviews-for-a-pull-request'),
        auth,
        bucket,
      );
    const page = pageOf(pull.reviews, url);
    return this.json(
      200,
      page.items.map((review) => pullRequestReviewJson(pull, review)),
      auth,
      bucket,
      page.link,
    );
  }

  private canSee(auth: SimToken | null, repository: SimRepository): boolean {
    if (!repository.private) return true;
    if (!auth) return false;
    if (auth.repositories === 'all') return true;
    const fullName = `${repository.owner.login}/${repository.name}`.toLowerCase();
    return auth.repositories.some((name) => name.toLowerCase() === fullName);
  }

  /** GitHub reads `Authorization: Bearer <token>` or the older `Authorization: token <token>`. */
  private presentedToken(headers: Record<string, string>): string | null {
    const header = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
    if (!header) return null;
    const match = /^(?:bearer|token)\s+(\S+)$/i.exec(header.trim());
    return match ? match[1]! : '';
  }

  private validToken(token: string): SimToken | null {
    const found = this.tokens.get(token);
    if (!found || found.revoked) return null;
    if (found.expiresAt && found.expiresAt.getTime() <= this.now().getTime()) return null;
    return found;
  }

  private bucketFor(key: string, limit: number): RateBucket {
    const now = this.now().getTime();
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.resetAt <= now) {
      bucket = { limit, used: 0, resetAt: now + HOUR_MS };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  private json(status: number, body: unknown, auth: SimToken | null, bucket?: RateBucket, link?: string | null): Answer {
    this.requestCounter += 1;
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `F10W:${this.requestCounter.toString(16).toUpperCase().padStart(6, '0')}`,
    };
    if (link) headers.link = link;
    if (bucket) {
      headers['x-ratelimit-limit'] = String(bucket.limit);
      headers['x-ratelimit-remaining'] = String(Math.max(0, bucket.limit - bucket.used));
      headers['x-ratelimit-reset'] = String(Math.floor(bucket.resetAt / 1000));
      headers['x-ratelimit-used'] = String(bucket.used);
      headers['x-ratelimit-resource'] = 'core';
    }
    if (auth) {
      if (auth.kind === 'classic') {
        headers['x-oauth-scopes'] = auth.scopes.join(', ');
        headers['x-accepted-oauth-scopes'] = '';
      }
      if (auth.expiresAt) headers['github-authentication-token-expiration'] = githubExpiration(auth.expiresAt);
    }
    return { status, headers, body: JSON.stringify(body) };
  }
}

/** GitHub writes token expiry as `2026-06-01 12:00:00 UTC`. */
function githubExpiration(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
