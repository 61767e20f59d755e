import { ForgeKvsAPIError } from '@forge/kvs';

/**
 * Whether KVS refused a request for being over one of the installation's quotas (429
 * `RATE_LIMIT_EXCEEDED`: requests a second, read or write units or batch operations a minute). Nothing was
 * changed by that request; the quotas are counted per minute, so the work can go on a minute later.
 */
export function isKvsRateLimited(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError && (error.code === 'RATE_LIMIT_EXCEEDED' || error.responseDetails.status === 429);
}

/** How long a job waits out a spent KVS quota: the quotas are per minute. */
export const KVS_QUOTA_RETRY_SECONDS = 60;
