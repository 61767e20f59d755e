/**
 * Counts of what clients asked the site, for tests that assert an app's efficiency: requests by endpoint
 * template, by status and by caller, retries that came before `Retry-After` had elapsed, and the highest
 * number of requests in flight at once (an app that bounds its concurrency keeps this low).
 */
export interface StatsSnapshot {
  total: number;
  byEndpoint: Record<string, number>;
  byStatus: Record<string, number>;
  byPrincipal: Record<string, number>;
  earlyRetries: number;
  maxConcurrency: number;
  inFlight: number;
  /** When counting started (ISO 8601). */
  since: string;
}

export class RequestStats {
  private total = 0;
  private byEndpoint: Record<string, number> = {};
  private byStatus: Record<string, number> = {};
  private byPrincipal: Record<string, number> = {};
  private earlyRetries = 0;
  private maxConcurrency = 0;
  private inFlight = 0;
  private since: number;

  constructor(private readonly clock: () => number) {
    this.since = clock();
  }

  started(): void {
    this.inFlight++;
    this.maxConcurrency = Math.max(this.maxConcurrency, this.inFlight);
  }

  finished(endpoint: string, principal: string, status: number): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.total++;
    this.byEndpoint[endpoint] = (this.byEndpoint[endpoint] ?? 0) + 1;
    this.byStatus[String(status)] = (this.byStatus[String(status)] ?? 0) + 1;
    this.byPrincipal[principal] = (this.byPrincipal[principal] ?? 0) + 1;
  }

  earlyRetry(): void {
    this.earlyRetries++;
  }

  snapshot(): StatsSnapshot {
    return {
      total: this.total,
      byEndpoint: { ...this.byEndpoint },
      byStatus: { ...this.byStatus },
      byPrincipal: { ...this.byPrincipal },
      earlyRetries: this.earlyRetries,
      maxConcurrency: this.maxConcurrency,
      inFlight: this.inFlight,
      since: new Date(this.since).toISOString(),
    };
  }

  /** Starts counting afresh; requests still in flight keep counting towards concurrency. */
  reset(): void {
    this.total = 0;
    this.byEndpoint = {};
    this.byStatus = {};
    this.byPrincipal = {};
    this.earlyRetries = 0;
    this.maxConcurrency = this.inFlight;
    this.since = this.clock();
  }
}
