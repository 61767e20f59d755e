/**
 * Forge's limits on running the app, in one place ("Invocation limits" and "Logs" pages of the Forge
 * documentation), and the meter that holds user-led invocations to theirs.
 *
 * User-led invocations (a UI module calling its resolver) are counted on a fixed one-minute window: at most
 * 1,200 per user and 5,000 across all users of one installation. Scheduled triggers, queue consumers and
 * product events are not user-led and not counted here.
 */
export interface InvocationLimits {
  perUserPerMinute: number;
  perInstallationPerMinute: number;
  /** A resolver (UI-invoked) stops after 25 s. */
  resolverSeconds: number;
  /** Triggers and consumers stop after 55 s unless their function sets `timeoutSeconds` (at most 900). */
  defaultSeconds: number;
  maxTimeoutSeconds: number;
  /** Log lines an invocation may write per minute of its run time; further lines are dropped. */
  logLinesPerRuntimeMinute: number;
  /** Log text an invocation may write in all (200 KB); further lines are dropped. */
  logBytesPerInvocation: number;
  /** A function's request payload (a web trigger's whole request included): 500 KB. */
  requestPayloadBytes: number;
}

export const FORGE_INVOCATION_LIMITS: Readonly<InvocationLimits> = Object.freeze({
  perUserPerMinute: 1200,
  perInstallationPerMinute: 5000,
  resolverSeconds: 25,
  defaultSeconds: 55,
  maxTimeoutSeconds: 900,
  logLinesPerRuntimeMinute: 100,
  logBytesPerInvocation: 200 * 1024,
  requestPayloadBytes: 500 * 1024,
});

/** The platform's refusal of a user-led invocation over its limits: what the bridge's `invoke` rejects with. */
export class InvocationRateLimited extends Error {
  readonly status = 429;
  constructor(scope: 'user' | 'installation', limit: number) {
    super(
      `429 Too Many Requests: more than ${limit} invocations a minute ${scope === 'user' ? 'by this user on this installation' : 'on this installation'}`,
    );
    this.name = 'InvocationRateLimited';
  }
}

export class InvocationMeter {
  private minute = Number.NaN;
  private total = 0;
  private readonly perUser = new Map<string, number>();

  constructor(
    private readonly limits: InvocationLimits,
    private readonly now: () => number,
  ) {}

  /** Counts a user-led invocation, or throws `InvocationRateLimited` when it is one too many this minute. */
  admit(accountId: string): void {
    const minute = Math.floor(this.now() / 60_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.total = 0;
      this.perUser.clear();
    }
    const byUser = this.perUser.get(accountId) ?? 0;
    if (byUser >= this.limits.perUserPerMinute) throw new InvocationRateLimited('user', this.limits.perUserPerMinute);
    if (this.total >= this.limits.perInstallationPerMinute)
      throw new InvocationRateLimited('installation', this.limits.perInstallationPerMinute);
    this.perUser.set(accountId, byUser + 1);
    this.total += 1;
  }
}

/**
 * For tests that make thousands of calls in seconds and are about something else (typed answers under
 * generated payloads): the per-minute invocation limits lifted, the time and log limits kept.
 */
export const WITHOUT_INVOCATION_RATE_LIMITS: Readonly<Partial<InvocationLimits>> = Object.freeze({
  perUserPerMinute: Number.POSITIVE_INFINITY,
  perInstallationPerMinute: Number.POSITIVE_INFINITY,
});
