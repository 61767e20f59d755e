import { ServiceRefusal } from '../../app/service-refusal';
import type { GitHubAccount, GitHubRepositoryView, GitHubTokenIdentity } from '../../ports';

/**
 * GitHub's REST API through a personal access token: who the token belongs to (`GET /user`) and whether it can
 * read a repository (`GET /repos/{owner}/{repo}`). Only the facts the settings page shows are kept.
 *
 * The token goes in the Authorization header and nowhere else: never in a URL, an error or a log line.
 * Error bodies from GitHub are not read into messages either; the status and rate-limit headers say enough.
 */
const API = 'https://api.github.com';

/** GitHub writes expiry as `2026-06-01 12:00:00 UTC` (older answers: `… +0000`). */
const EXPIRATION = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) (UTC|[+-]\d{4})$/;

export function parseTokenExpiration(header: string | null): string | null {
  if (!header) return null;
  const match = EXPIRATION.exec(header.trim());
  if (!match) return null;
  const zone = match[3] === 'UTC' ? 'Z' : `${match[3]!.slice(0, 3)}:${match[3]!.slice(3)}`;
  const at = new Date(`${match[1]}T${match[2]}${zone}`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

function parseScopes(header: string | null): string[] | null {
  if (header === null) return null;
  return header
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => scope !== '');
}

interface GitHubUser {
  login: string;
}

interface GitHubRepository {
  full_name: string;
  private: boolean;
  archived: boolean;
  default_branch: string;
}

export class GitHubRestAccount implements GitHubAccount {
  async identify(token: string): Promise<GitHubTokenIdentity> {
    const response = await this.get('/user', token);
    if (!response.ok) throw this.refusal(response);
    const user = (await this.json(response)) as GitHubUser;
    if (typeof user.login !== 'string') throw new ServiceRefusal('GitHub', 'unavailable');
    return {
      login: user.login,
      scopes: parseScopes(response.headers.get('x-oauth-scopes')),
      expiresAt: parseTokenExpiration(response.headers.get('github-authentication-token-expiration')),
    };
  }

  async repository(token: string, fullName: string): Promise<GitHubRepositoryView | null> {
    const [owner = '', name = ''] = fullName.split('/');
    const response = await this.get(`/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`, token);
    // GitHub answers 404 both for a repository that does not exist and for one the token may not read, and
    // 403 for one an organisation's policy (SAML SSO, token policy) keeps this token out of.
    if (response.status === 404) return null;
    const refusal = response.ok ? null : this.refusal(response);
    if (refusal?.reason === 'unavailable' && response.status === 403) return null;
    if (refusal) throw refusal;
    const repository = (await this.json(response)) as GitHubRepository;
    return {
      fullName: repository.full_name,
      private: repository.private,
      archived: repository.archived,
      defaultBranch: repository.default_branch,
    };
  }

  private async get(path: string, token: string): Promise<Response> {
    try {
      return await fetch(`${API}${path}`, {
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${token}`,
          'x-github-api-version': '2022-11-28',
          'user-agent': 'flow-metrics-for-jira',
        },
      });
    } catch {
      // Network errors can quote the request; none of it is passed on.
      throw new ServiceRefusal('GitHub', 'unavailable');
    }
  }

  private async json(response: Response): Promise<unknown> {
    try {
      return await response.json();
    } catch {
      throw new ServiceRefusal('GitHub', 'unavailable');
    }
  }

  private refusal(response: Response): ServiceRefusal {
    if (response.status === 401) return new ServiceRefusal('GitHub', 'unauthorized');
    // GitHub signals a spent budget with 403 or 429 and x-ratelimit-remaining: 0 (secondary limits: retry-after).
    const spent = response.headers.get('x-ratelimit-remaining') === '0' || response.headers.has('retry-after');
    if (response.status === 429 || (response.status === 403 && spent)) return new ServiceRefusal('GitHub', 'rate-limited');
    return new ServiceRefusal('GitHub', 'unavailable', `HTTP ${response.status}`);
  }
}
