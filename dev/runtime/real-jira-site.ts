import type { Principal, ProductRequest, ProductTarget } from './product-target';
import { toResponse } from './product-target';

/**
 * A real Jira Cloud site instead of the simulation (`JIRA_SITE`, `JIRA_EMAIL`, `JIRA_API_TOKEN`).
 * Every request, whether the app's or a user's, runs as the token's owner with basic auth, so permissions
 * are that person's. The site is only read: anything that could change it is refused here, before it leaves.
 */
export interface RealSiteCredentials {
  site: string;
  email: string;
  apiToken: string;
}

/**
 * POSTs that only read: searching, counting, bulk changelogs, permission checks, and Jira expressions (which
 * cannot change anything: they evaluate over issues the caller may see and return the values).
 */
const READ_ONLY_POSTS = [
  /^\/rest\/api\/3\/expression\/(evaluate|eval)(\?|$)/,
  /^\/rest\/api\/3\/search\/jql(\?|$)/,
  /^\/rest\/api\/3\/search\/approximate-count(\?|$)/,
  /^\/rest\/api\/3\/changelog\/bulkfetch(\?|$)/,
  /^\/rest\/api\/3\/permissions\/check(\?|$)/,
];

export function isReadOnlyRequest(method: string, path: string): boolean {
  const verb = method.toUpperCase();
  if (verb === 'GET' || verb === 'HEAD') return true;
  return verb === 'POST' && READ_ONLY_POSTS.some((pattern) => pattern.test(path));
}

export function realSiteFromEnvironment(env: NodeJS.ProcessEnv): RealSiteCredentials | null {
  const { JIRA_SITE: site, JIRA_EMAIL: email, JIRA_API_TOKEN: apiToken } = env;
  if (!site && !email && !apiToken) return null;
  if (!site || !email || !apiToken) {
    throw new Error('To use a real Jira site set all of JIRA_SITE, JIRA_EMAIL and JIRA_API_TOKEN.');
  }
  return { site: new URL(site).origin, email, apiToken };
}

export class RealJiraSite implements ProductTarget {
  private readonly authorization: string;

  constructor(
    private readonly credentials: RealSiteCredentials,
    private readonly platformFetch: typeof fetch,
  ) {
    this.authorization = `Basic ${Buffer.from(`${credentials.email}:${credentials.apiToken}`).toString('base64')}`;
  }

  async send(request: ProductRequest, _principal: Principal): Promise<Response> {
    if (!isReadOnlyRequest(request.method, request.path)) {
      return toResponse({
        status: 403,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          errorMessages: [`The local platform only reads a real site; ${request.method} ${request.path} was not sent.`],
        }),
      });
    }
    const headers = { ...request.headers, authorization: this.authorization, accept: 'application/json' };
    return this.platformFetch(new URL(request.path, this.credentials.site), {
      method: request.method,
      headers,
      body: request.body,
    });
  }
}
