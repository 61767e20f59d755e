import { ServiceRefusal } from '../../app/access/service-refusal';
import type { GitHubAccount, GitHubRepositoryView, GitHubTokenIdentity } from '../../ports';
import { githubRefusal } from './github-refusal';
import { octokitFor } from './octokit-client';

/**
 * GitHub's REST API through a personal access token, with Octokit on Forge's fetch: who the token belongs to
 * (`GET /user`) and whether it can read a repository (`GET /repos/{owner}/{repo}`). Only the facts the settings
 * page shows are kept.
 *
 * The token goes in the Authorization header and nowhere else: never in a URL, an error or a log line.
 * Error bodies from GitHub are not read into messages either; the status and rate-limit headers say enough.
 */

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
  constructor(private readonly now: () => number = Date.now) {}

  async identify(token: string): Promise<GitHubTokenIdentity> {
    const response = await this.get(token, 'GET /user', {});
    const user = response.data as Partial<GitHubUser>;
    if (typeof user.login !== 'string') throw new ServiceRefusal('GitHub', 'unavailable');
    return {
      login: user.login,
      scopes: parseScopes(response.headers['x-oauth-scopes'] ?? null),
      expiresAt: parseTokenExpiration(response.headers['github-authentication-token-expiration'] ?? null),
    };
  }

  async repository(token: string, fullName: string): Promise<GitHubRepositoryView | null> {
    const [owner = '', repo = ''] = fullName.split('/');
    let response;
    try {
      response = await this.get(token, 'GET /repos/{owner}/{repo}', { owner, repo });
    } catch (error) {
      // GitHub answers 404 both for a repository that does not exist and for one the token may not read, and
      // 403 for one an organisation's policy (SAML SSO, token policy) keeps this token out of.
      if (
        error instanceof ServiceRefusal &&
        (error.detail === 'HTTP 404' || (error.reason === 'unavailable' && error.detail === 'HTTP 403'))
      )
        return null;
      throw error;
    }
    const repository = response.data as GitHubRepository;
    return {
      fullName: repository.full_name,
      private: repository.private,
      archived: repository.archived,
      defaultBranch: repository.default_branch,
    };
  }

  /** One REST call with the token; any failure becomes a ServiceRefusal that quotes nothing of the request. */
  private async get(token: string, route: 'GET /user' | 'GET /repos/{owner}/{repo}', parameters: Record<string, string>) {
    try {
      const response = await octokitFor(token).request(route, {
        ...parameters,
        headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
      } as never);
      return { data: response.data as unknown, headers: response.headers as Record<string, string | undefined> };
    } catch (error) {
      throw githubRefusal(error, this.now());
    }
  }
}
