import { AppError } from '../../app/app-error';
import type { JiraResponse } from './jira-request';

/**
 * How the app talks to Jira when it reads a lot: politely, and without giving up at the first hiccup.
 *
 * - At most `maxConcurrent` requests are in flight at once (per job).
 * - A 429 pauses every request of the job, not only the refused one, until its `Retry-After` has passed
 *   (plus a small margin, so clocks that disagree by a few milliseconds never make a retry early). Jira's
 *   points-based limits are per app, so one refusal means all of them would be refused.
 * - 5xx answers, network failures and bodies that are not JSON are retried with exponential back-off and
 *   full jitter (never sooner than a `Retry-After` Jira sent), a few times, then reported readably.
 * - Other 4xx answers are Jira's considered refusals: raised at once as a `JiraRefusal`.
 */
export interface PacerOptions {
  maxConcurrent: number;
  /** Tries for a request that keeps failing with 5xx or unreadable answers. */
  maxAttempts: number;
  /** Rate-limit refusals tolerated for one request before the job gives up and retries later. */
  maxThrottles: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
}

const DEFAULT_PACER_OPTIONS: PacerOptions = {
  maxConcurrent: 4,
  maxAttempts: 4,
  maxThrottles: 30,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
  random: Math.random,
};

/** Added to every `Retry-After` wait. */
const RETRY_AFTER_MARGIN_MS = 50;

/** Jira's refusal of a request (a 4xx other than 429), with its error messages (kept out of the message). */
export class JiraRefusal extends AppError {
  constructor(
    readonly status: number,
    readonly errorMessages: readonly string[],
    what: string,
  ) {
    super('UNAVAILABLE', `Jira refused ${what} (${status}).`);
    this.name = 'JiraRefusal';
  }
}

export class JiraPacer {
  private readonly options: PacerOptions;
  private active = 0;
  private readonly queue: Array<() => void> = [];
  private pausedUntil = 0;

  constructor(options: Partial<PacerOptions> = {}) {
    this.options = { ...DEFAULT_PACER_OPTIONS, ...options };
  }

  /** Sends a request (again, as often as needed) and answers its JSON body. `what` names it in messages. */
  async json<T>(what: string, send: () => Promise<JiraResponse>): Promise<T> {
    await this.acquire();
    try {
      let failures = 0;
      let throttles = 0;
      for (;;) {
        await this.waitWhilePaused();
        let problem: string;
        let notBefore = 0;
        let response: JiraResponse | null = null;
        try {
          response = await send();
        } catch {
          problem = `Jira could not be reached for ${what}`;
        }
        if (response) {
          if (response.status === 429) {
            throttles += 1;
            if (throttles > this.options.maxThrottles) {
              throw new AppError('RATE_LIMITED', `Jira kept rate limiting ${what}.`);
            }
            const wait = retryAfterMs(response, this.options.now()) ?? this.backoff(throttles);
            this.pausedUntil = Math.max(this.pausedUntil, this.options.now() + wait + RETRY_AFTER_MARGIN_MS);
            continue;
          }
          if (response.status >= 500) {
            problem = `Jira answered ${response.status} to ${what}`;
            notBefore = retryAfterMs(response, this.options.now()) ?? 0;
          } else if (!response.ok) {
            throw new JiraRefusal(response.status, await errorMessagesOf(response), what);
          } else {
            const text = await response.text();
            try {
              return JSON.parse(text) as T;
            } catch {
              problem = `Jira sent an unreadable answer to ${what}`;
            }
          }
        }
        failures += 1;
        if (failures >= this.options.maxAttempts) throw new AppError('UNAVAILABLE', `${problem!}.`);
        const asked = notBefore > 0 ? notBefore + RETRY_AFTER_MARGIN_MS : 0;
        await this.options.sleep(Math.max(asked, this.backoff(failures)));
      }
    } finally {
      this.release();
    }
  }

  /** Full jitter: anywhere between nothing and the exponential ceiling, so retries of many jobs spread out. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(this.options.random() * ceiling);
  }

  private async waitWhilePaused(): Promise<void> {
    for (;;) {
      const wait = this.pausedUntil - this.options.now();
      if (wait <= 0) return;
      await this.options.sleep(wait);
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.options.maxConcurrent) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.active -= 1;
  }
}

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date. */
function retryAfterMs(response: JiraResponse, now: number): number | null {
  const value = response.headers.get('retry-after');
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

async function errorMessagesOf(response: JiraResponse): Promise<string[]> {
  try {
    const body = JSON.parse(await response.text()) as { errorMessages?: unknown; errors?: unknown };
    const messages = Array.isArray(body.errorMessages) ? body.errorMessages.filter((m): m is string => typeof m === 'string') : [];
    const errors =
      body.errors && typeof body.errors === 'object' ? Object.values(body.errors).filter((m): m is string => typeof m === 'string') : [];
    return [...messages, ...errors];
  } catch {
    return [];
  }
}
