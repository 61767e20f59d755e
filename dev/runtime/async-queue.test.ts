import { AsyncQueue, MAX_RETRIES } from './async-queue';

const push = (queue: AsyncQueue, bodies: Array<Record<string, unknown>>, delayInSeconds?: number) =>
  queue.handle(
    '/webhook/queue/publish/ctx/env/app/1',
    JSON.stringify({ queueName: 'jobs', jobId: 'job-1', payload: bodies.map((body) => ({ body, delayInSeconds })) }),
  );

describe('the local async queue', () => {
  it('accepts pushes as Forge does and refuses more than 50 events at once', () => {
    const queue = new AsyncQueue();
    expect(push(queue, [{ n: 1 }]).status).toBe(201);
    expect(
      push(
        queue,
        Array.from({ length: 51 }, (_, n) => ({ n })),
      ).status,
    ).toBe(400);
    expect(queue.size).toBe(1);
  });

  it('delivers events in the order they become due, including those pushed while draining', async () => {
    const queue = new AsyncQueue();
    push(queue, [{ n: 'late' }], 60);
    push(queue, [{ n: 'early' }]);
    const seen: unknown[] = [];
    const { processed } = await queue.drain((event) => {
      seen.push(event.body.n);
      if (event.body.n === 'early') push(queue, [{ n: 'follow-up' }]);
      return Promise.resolve();
    });
    expect(seen).toEqual(['early', 'follow-up', 'late']);
    expect(processed).toBe(3);
  });

  it('retries a consumer that throws, then gives up after the last retry', async () => {
    const queue = new AsyncQueue();
    push(queue, [{ n: 1 }]);
    let attempts = 0;
    await queue.drain(() => {
      attempts += 1;
      return Promise.reject(new Error('boom'));
    });
    expect(attempts).toBe(MAX_RETRIES + 1);
    expect(queue.failed).toHaveLength(1);
    expect(queue.handle('/webhook/queue/stats/x', JSON.stringify({ jobId: 'job-1' })).body).toEqual({
      success: 0,
      inProgress: 0,
      failed: 1,
    });
  });

  it('retries when the consumer asks to, passing its retry data back', async () => {
    const queue = new AsyncQueue();
    push(queue, [{ n: 1 }]);
    const contexts: unknown[] = [];
    await queue.drain((event) => {
      contexts.push(event.retryData);
      if (event.retryCount === 0)
        return Promise.resolve({
          _retry: true,
          retryOptions: { retryAfter: 30, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { cursor: 7 } },
        });
      return Promise.resolve(undefined);
    });
    expect(contexts).toEqual([undefined, { cursor: 7 }]);
  });
});
