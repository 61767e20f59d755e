/**
 * Atlassian's personal-data reporting API answered something other than success. `status` and the
 * `Retry-After` it sent (in seconds, null when absent) decide whether and when to try again; nothing about
 * the accounts in the request is kept here, so a refusal can be logged as it is.
 */
export class ReportRefusal extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterSeconds: number | null,
  ) {
    super(`The personal-data reporting API answered ${status}.`);
    this.name = 'ReportRefusal';
  }

  /** Rate limiting and server trouble pass; anything else (a malformed request, a missing scope) will not. */
  get retryable(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}
