import { expect } from '@jest/globals';
import { JiraPacer, JiraRefusal } from './jira-pacer';
import type { JiraResponse } from './jira-request';

/** A clock that only moves when the pacer sleeps, so tests are exact and instant. */
function fakeTime() {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleeps,
    sleep: (ms: number) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** Jira's answer, as the request function given to the pacer delivers it. */
const answer = (status: number, body: string, headers: Record<string, string> = {}) =>
  Promise.resolve(new Response(status === 204 ? null : body, { status, headers }) as unknown as JiraResponse);

describe('the Jira pacer', () => {
  it('waits out Retry-After before sending again', async () => {
    const time = fakeTime();
    const pacer = new JiraPacer({ now: time.now, sleep: time.sleep, random: () => 0.5 });
    const sentAt: number[] = [];
    let first = true;
    const send = () => {
      sentAt.push(time.now());
      if (first) {
        first = false;
        return answer(429, '{}', { 'retry-after': '3' });
      }
      return answer(200, '{"ok":true}');
    };
    await expect(pacer.json('the search', send)).resolves.toEqual({ ok: true });
    expect(sentAt[1]! - sentAt[0]!).toBeGreaterThanOrEqual(3000);
  });

  it('holds back the job’s other requests too until Retry-After has passed', async () => {
    const pacer = new JiraPacer();
    const refusedAt = Date.now();
    let calls = 0;
    const a = pacer.json('a', () => (calls++ === 0 ? answer(429, '{}', { 'retry-after': '1' }) : answer(200, '{}')));
    // Started after the refusal, while the pause lasts.
    await new Promise((resolve) => setTimeout(resolve, 20));
    let bSentAt = 0;
    const b = pacer.json('b', () => {
      bSentAt = Date.now();
      return answer(200, '{}');
    });
    await Promise.all([a, b]);
    expect(bSentAt - refusedAt).toBeGreaterThanOrEqual(1000);
  });

  it('reads an HTTP-date Retry-After', async () => {
    const time = fakeTime();
    const pacer = new JiraPacer({ now: time.now, sleep: time.sleep, random: () => 0 });
    let calls = 0;
    const date = new Date(time.now() + 5000).toUTCString();
    await pacer.json('x', () => (calls++ === 0 ? answer(429, '', { 'retry-after': date }) : answer(200, '1')));
    expect(time.sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(4000);
  });

  it('retries 5xx and unreadable answers with growing, jittered back-off, then reports readably', async () => {
    const time = fakeTime();
    const pacer = new JiraPacer({ now: time.now, sleep: time.sleep, random: () => 1, maxAttempts: 4, baseDelayMs: 500 });
    let calls = 0;
    const flaky = () => (++calls < 3 ? answer(calls === 1 ? 502 : 200, calls === 1 ? 'Bad gateway' : '{"half":') : answer(200, '[1,2]'));
    await expect(pacer.json('the bulk changelog', flaky)).resolves.toEqual([1, 2]);
    expect(time.sleeps).toEqual([500, 1000]);

    const down = () => answer(503, 'down', { 'retry-after': '2' });
    await expect(pacer.json('the issue search', down)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: 'Jira answered 503 to the issue search.',
    });
    const broken = () => answer(200, '{"issues": [');
    await expect(pacer.json('the issue search', broken)).rejects.toMatchObject({
      message: 'Jira sent an unreadable answer to the issue search.',
    });
    const unreachable = (): Promise<JiraResponse> => Promise.reject(new Error('socket hang up'));
    await expect(pacer.json('the status list', unreachable)).rejects.toMatchObject({
      message: 'Jira could not be reached for the status list.',
    });
  });

  it('raises a 4xx at once, with Jira’s messages kept apart from the readable one', async () => {
    const time = fakeTime();
    const pacer = new JiraPacer({ now: time.now, sleep: time.sleep });
    let calls = 0;
    const refused = () => {
      calls++;
      return answer(400, JSON.stringify({ errorMessages: ["An issue with key '10042' does not exist for field 'id'."], errors: {} }));
    };
    const error = await pacer.json('the issue search', refused).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraRefusal);
    expect(error).toMatchObject({
      status: 400,
      message: 'Jira refused the issue search (400).',
      errorMessages: [expect.stringContaining("'10042'")],
    });
    expect(calls).toBe(1);
  });

  it('keeps at most maxConcurrent requests in flight', async () => {
    const pacer = new JiraPacer({ maxConcurrent: 3 });
    let inFlight = 0;
    let most = 0;
    const slow = async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return answer(200, '{}');
    };
    await Promise.all(Array.from({ length: 20 }, () => pacer.json('x', slow)));
    expect(most).toBe(3);
  });

  it('gives up on a rate limit that does not lift, so the job can retry later', async () => {
    const time = fakeTime();
    const pacer = new JiraPacer({ now: time.now, sleep: time.sleep, maxThrottles: 3 });
    await expect(pacer.json('the search', () => answer(429, '', { 'retry-after': '1' }))).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});
