import { randomUUID } from 'node:crypto';

/**
 * Forge's async events, in process: `Queue.push` from @forge/events lands here through the platform's
 * fetch, and `drain` delivers events to the manifest's consumers. As on Forge, a consumer that throws is
 * retried (up to MAX_RETRIES times), and one that returns an `InvocationError` is retried with its options.
 * Delays are honoured in order but not waited for: draining simulates the passing of time.
 */
export interface QueuedEvent {
  eventId: string;
  jobId: string;
  queueName: string;
  body: Record<string, unknown>;
  availableAt: number;
  retryCount: number;
  retryReason?: string;
  retryData?: unknown;
}

export type ConsumerRunner = (event: QueuedEvent) => Promise<unknown>;

/** Forge retries a failed event a few times before giving up on it. */
export const MAX_RETRIES = 4;
const MAX_EVENTS_PER_PUSH = 50;
const MAX_PUSH_BYTES = 200 * 1024;

interface PushRequest {
  queueName: string;
  jobId: string;
  payload: Array<{ body: Record<string, unknown>; delayInSeconds?: number }>;
}

interface JobCounts {
  success: number;
  inProgress: number;
  failed: number;
}

export class AsyncQueue {
  private pending: QueuedEvent[] = [];
  private readonly jobs = new Map<string, JobCounts>();
  private clock = 0;
  readonly failed: Array<{ event: QueuedEvent; reason: string }> = [];

  /** Handles `/webhook/queue/{publish,stats,cancel}/…`; answers as Forge's events service does. */
  handle(path: string, bodyText: string | undefined): { status: number; body: unknown } {
    const request = JSON.parse(bodyText ?? '{}') as PushRequest & { jobId: string; queueName: string };
    if (path.startsWith('/webhook/queue/publish/')) return this.publish(request);
    if (path.startsWith('/webhook/queue/stats/')) {
      const counts = this.jobs.get(request.jobId);
      return counts ? { status: 200, body: counts } : { status: 404, body: { message: 'Job not found' } };
    }
    if (path.startsWith('/webhook/queue/cancel/')) {
      const before = this.pending.length;
      this.pending = this.pending.filter((event) => event.jobId !== request.jobId);
      return before === this.pending.length ? { status: 404, body: {} } : { status: 204, body: null };
    }
    return { status: 404, body: { message: `Unknown queue operation ${path}` } };
  }

  /** How far delivering delayed events has moved simulated time on (ms): other simulations can follow it. */
  get simulatedMs(): number {
    return this.clock;
  }

  get size(): number {
    return this.pending.length;
  }

  peek(): readonly QueuedEvent[] {
    return this.pending;
  }

  /** Runs events until none are left, including those a consumer pushes while draining. */
  async drain(run: ConsumerRunner, options: { maxEvents?: number } = {}): Promise<{ processed: number }> {
    const limit = options.maxEvents ?? 100_000;
    let processed = 0;
    while (this.pending.length > 0) {
      if (processed >= limit) throw new Error(`Queue still busy after ${limit} events; is a consumer re-queueing forever?`);
      this.pending.sort((a, b) => a.availableAt - b.availableAt);
      const event = this.pending.shift()!;
      this.clock = Math.max(this.clock, event.availableAt);
      processed += 1;
      await this.deliver(event, run);
    }
    return { processed };
  }

  private async deliver(event: QueuedEvent, run: ConsumerRunner): Promise<void> {
    const counts = this.jobs.get(event.jobId)!;
    try {
      const answer = (await run(event)) as
        { _retry?: boolean; retryOptions?: { retryAfter?: number; retryReason?: string; retryData?: unknown } } | undefined;
      if (answer && answer._retry === true) {
        this.retry(
          event,
          answer.retryOptions?.retryReason ?? 'FUNCTION_RETRY_REQUEST',
          answer.retryOptions?.retryAfter ?? 1,
          answer.retryOptions?.retryData,
        );
        return;
      }
      counts.inProgress -= 1;
      counts.success += 1;
    } catch (error) {
      this.retry(event, 'FUNCTION_PLATFORM_UNKNOWN_ERROR', 1, undefined, error);
    }
  }

  private retry(event: QueuedEvent, reason: string, afterSeconds: number, data: unknown, error?: unknown): void {
    const counts = this.jobs.get(event.jobId)!;
    if (event.retryCount >= MAX_RETRIES) {
      counts.inProgress -= 1;
      counts.failed += 1;
      this.failed.push({ event, reason: error instanceof Error ? error.message : reason });
      return;
    }
    // Forge backs off between automatic retries; the exact schedule is not part of its contract.
    this.pending.push({
      ...event,
      retryCount: event.retryCount + 1,
      retryReason: reason,
      retryData: data,
      availableAt: this.clock + afterSeconds * 1000 * (event.retryCount + 1),
    });
  }

  private publish(request: PushRequest): { status: number; body: unknown } {
    if (!Array.isArray(request.payload) || request.payload.length === 0 || request.payload.length > MAX_EVENTS_PER_PUSH) {
      return { status: 400, body: { message: `Push between 1 and ${MAX_EVENTS_PER_PUSH} events.` } };
    }
    if (Buffer.byteLength(JSON.stringify(request.payload)) > MAX_PUSH_BYTES) {
      return { status: 413, body: { errorMessage: 'The maximum payload size is 200KB.' } };
    }
    const counts = this.jobs.get(request.jobId) ?? { success: 0, inProgress: 0, failed: 0 };
    this.jobs.set(request.jobId, counts);
    for (const event of request.payload) {
      counts.inProgress += 1;
      this.pending.push({
        eventId: randomUUID(),
        jobId: request.jobId,
        queueName: request.queueName,
        body: event.body,
        availableAt: this.clock + (event.delayInSeconds ?? 0) * 1000,
        retryCount: 0,
      });
    }
    return { status: 201, body: {} };
  }
}
