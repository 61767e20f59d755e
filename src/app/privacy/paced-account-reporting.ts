import type { AccountVerdict, Clock, Pause, PersonalDataReporter, ReportedAccount, WorkBudget } from '../../ports';
import { ReportRefusal } from './report-refusal';

/**
 * How the weekly report talks to Atlassian. The SDK's own `reportPersonalData` sends every 90-account chunk
 * at once and gives up on the first 429, so the app sends one chunk at a time, spaced out, and retries.
 */
export interface ReportPacing {
  /** Accounts per request: Atlassian's limit. */
  chunkSize: number;
  /** Least time between the starts of two requests. */
  minIntervalMs: number;
  /** Tries per chunk before the run hands over to a later invocation. */
  maxAttempts: number;
  /** First backoff after a refusal without `Retry-After`; doubles with each further refusal, up to the cap. */
  backoffBaseMs: number;
  backoffCapMs: number;
}

export const REPORT_PACING: ReportPacing = {
  chunkSize: 90,
  // Well under Forge's 100 outbound requests per runtime-minute, and gentle enough not to earn 429s.
  minIntervalMs: 700,
  maxAttempts: 6,
  backoffBaseMs: 1_000,
  backoffCapMs: 60_000,
};

/** The chunk was answered. */
export type ChunkOutcome =
  | { kind: 'answered'; verdicts: AccountVerdict[] }
  /** Not answered yet, but worth trying later: after `retryAfterMs` (at least). */
  | { kind: 'retry-later'; retryAfterMs: number }
  /** Refused for a reason retrying cannot fix. */
  | { kind: 'refused'; status: number };

export interface PacedReportingPorts {
  reporter: PersonalDataReporter;
  pause: Pause;
  clock: Clock;
  budget: WorkBudget;
}

/**
 * Sends chunks one at a time, never sooner than `minIntervalMs` after the previous request started, and
 * retries a refused chunk after the longer of `Retry-After` and an exponential backoff. A wait that would
 * not fit in the invocation's remaining time (less `reserveMs`) is not waited here: the chunk is handed back
 * as `retry-later`, for the next invocation to send after that delay.
 */
export class PacedAccountReporting {
  private lastRequestAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly ports: PacedReportingPorts,
    private readonly pacing: ReportPacing,
    private readonly reserveMs: number,
  ) {}

  async report(chunk: readonly ReportedAccount[]): Promise<ChunkOutcome> {
    if (chunk.length === 0) return { kind: 'answered', verdicts: [] };
    if (chunk.length > this.pacing.chunkSize) throw new RangeError(`At most ${this.pacing.chunkSize} accounts per request.`);
    let waitMs = 0;
    for (let attempt = 1; ; attempt += 1) {
      const spacing = Math.max(0, this.lastRequestAt + this.pacing.minIntervalMs - this.ports.clock.now().getTime());
      const wait = Math.max(waitMs, spacing);
      if (wait > this.ports.budget.remainingMs() - this.reserveMs) return { kind: 'retry-later', retryAfterMs: wait };
      if (wait > 0) await this.ports.pause.wait(wait);
      this.lastRequestAt = this.ports.clock.now().getTime();
      try {
        return { kind: 'answered', verdicts: await this.ports.reporter.report(chunk) };
      } catch (error) {
        if (!(error instanceof ReportRefusal)) throw error;
        if (!error.retryable) return { kind: 'refused', status: error.status };
        const backoff = Math.min(this.pacing.backoffCapMs, this.pacing.backoffBaseMs * 2 ** (attempt - 1));
        waitMs = Math.max(backoff, (error.retryAfterSeconds ?? 0) * 1000);
        if (attempt >= this.pacing.maxAttempts) return { kind: 'retry-later', retryAfterMs: waitMs };
      }
    }
  }
}
