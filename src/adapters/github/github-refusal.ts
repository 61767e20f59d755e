import { ServiceRefusal } from '../../app/access/service-refusal';

/**
 * What a failed GitHub call means for the app, from Octokit's errors: the status and headers only, never the
 * message or body (which can quote the request). GitHub signals a spent budget several ways:
 * - primary limit (REST): 403 or 429 with `x-ratelimit-remaining: 0`, until `x-ratelimit-reset` (epoch s);
 * - primary limit (GraphQL): 200 with an error of type `RATE_LIMITED` (some answers say `RATE_LIMIT`);
 * - secondary limits: 403 or 429 with `retry-after` (seconds), or without it: then wait at least a minute.
 * https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit
 */
const SECONDARY_LIMIT_WAIT_MS = 60_000;

type Headers = Record<string, string | number | undefined>;

interface OctokitFailure {
  status?: number;
  response?: { headers?: Headers };
  headers?: Headers;
  errors?: Array<{ type?: string }>;
}

const header = (headers: Headers | undefined, name: string) => {
  const value = headers?.[name];
  return value === undefined ? null : String(value);
};

/** When the budget named by `x-ratelimit-reset` comes back (epoch ms), or null. */
function resetOf(headers: Headers | undefined): number | null {
  const reset = Number(header(headers, 'x-ratelimit-reset'));
  return Number.isFinite(reset) && reset > 0 ? reset * 1000 : null;
}

export function githubRefusal(error: unknown, now: number): ServiceRefusal {
  if (error instanceof ServiceRefusal) return error;
  const failure = (error ?? {}) as OctokitFailure;
  const headers = failure.response?.headers ?? failure.headers;
  const status = failure.status;
  if (failure.errors?.some((e) => e.type === 'RATE_LIMITED' || e.type === 'RATE_LIMIT')) {
    return new ServiceRefusal('GitHub', 'rate-limited', null, resetOf(headers) ?? now + SECONDARY_LIMIT_WAIT_MS);
  }
  if (status === 401) return new ServiceRefusal('GitHub', 'unauthorized');
  if (status === 403 || status === 429) {
    const retryAfter = Number(header(headers, 'retry-after'));
    if (Number.isFinite(retryAfter) && retryAfter >= 0 && header(headers, 'retry-after') !== null) {
      return new ServiceRefusal('GitHub', 'rate-limited', 'secondary', now + retryAfter * 1000);
    }
    if (header(headers, 'x-ratelimit-remaining') === '0') {
      return new ServiceRefusal('GitHub', 'rate-limited', null, resetOf(headers) ?? now + SECONDARY_LIMIT_WAIT_MS);
    }
    // GitHub's secondary limits sometimes answer without any header: wait a minute before trying again.
    if (status === 429) return new ServiceRefusal('GitHub', 'rate-limited', 'secondary', now + SECONDARY_LIMIT_WAIT_MS);
  }
  // A GraphQL answer with errors has no failing status: its first error's type (FORBIDDEN, …) says what went wrong.
  const graphqlType = failure.errors?.find((e) => typeof e.type === 'string')?.type;
  return new ServiceRefusal('GitHub', 'unavailable', status ? `HTTP ${status}` : graphqlType ? `GraphQL ${graphqlType}` : null);
}
