import { fetch as forgeFetch } from '@forge/api';
import { Octokit } from '@octokit/rest';

/**
 * An Octokit client for one call with one token. Requests go out through Forge's `fetch`, so the platform
 * holds them to the manifest's egress list; the client is made per use and dropped with the token, which
 * lives nowhere else. Octokit's own retry and throttling plugins are not used: the sync decides when to wait,
 * from GitHub's rate-limit answers (see github-refusal.ts).
 */
const GITHUB_API = 'https://api.github.com';

export function octokitFor(token: string): Octokit {
  return new Octokit({
    auth: token,
    baseUrl: GITHUB_API,
    userAgent: 'flow-metrics-for-jira',
    request: { fetch: (url: string, init: RequestInit) => forgeFetch(url, init as never) },
    // Octokit logs deprecations and failed requests to the console; Forge's logs are for the app's own lines.
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
}
