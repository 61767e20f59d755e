import { Prng } from '../demo-data/prng';
import type { SimResponse } from '../sim-http';

/**
 * Bad days on demand: rate limiting with `Retry-After`, server errors, slow answers and broken JSON, at the
 * rates a test asks for. Rate limiting behaves like Jira's: a client that comes back before `Retry-After`
 * has elapsed is refused again (and counted as an early retry), so only a client that honours the header
 * gets through. Randomness comes from a seeded generator, so a chaotic test run can be repeated exactly.
 */
export interface ChaosSettings {
  /** Share of requests answered 429, 0..1. */
  rate429: number;
  retryAfterSeconds: number;
  /** Added to every request, in milliseconds. */
  latencyMs: number;
  /** Share of requests answered 503, 0..1. */
  rate5xx: number;
  /** Share of successful JSON answers cut short, 0..1. */
  malformedJsonRate: number;
  /** Endpoint names (as in the statistics) to affect; absent or empty means all. */
  endpoints: string[];
  seed: number;
}

const CALM: ChaosSettings = {
  rate429: 0,
  retryAfterSeconds: 1,
  latencyMs: 0,
  rate5xx: 0,
  malformedJsonRate: 0,
  endpoints: [],
  seed: 1,
};

export type ChaosVerdict = { kind: 'pass' } | { kind: 'refuse'; response: SimResponse; earlyRetry: boolean };

/** Reads a partial settings object, keeping defaults for what is missing; returns an error text if invalid. */
export function readChaosSettings(input: unknown): ChaosSettings | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return 'The body must be a JSON object.';
  const source = input as Record<string, unknown>;
  const settings: ChaosSettings = { ...CALM, endpoints: [] };
  for (const key of ['rate429', 'rate5xx', 'malformedJsonRate'] as const) {
    const value = source[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || value < 0 || value > 1) return `${key} must be a number from 0 to 1.`;
    settings[key] = value;
  }
  for (const key of ['retryAfterSeconds', 'latencyMs', 'seed'] as const) {
    const value = source[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return `${key} must be a non-negative number.`;
    settings[key] = value;
  }
  const endpoints = source['endpoints'];
  if (endpoints !== undefined) {
    if (!Array.isArray(endpoints) || !endpoints.every((e) => typeof e === 'string')) return 'endpoints must be a list of endpoint names.';
    settings.endpoints = endpoints;
  }
  const known = new Set(['rate429', 'rate5xx', 'malformedJsonRate', 'retryAfterSeconds', 'latencyMs', 'seed', 'endpoints']);
  const unknown = Object.keys(source).filter((k) => !known.has(k));
  if (unknown.length > 0) return `Unknown setting(s): ${unknown.join(', ')}.`;
  return settings;
}

export class Chaos {
  private current: ChaosSettings = CALM;
  private rng = new Prng(CALM.seed);
  /** Request signature -> the moment before which a retry is too early. */
  private readonly retryNotBefore = new Map<string, number>();

  get settings(): ChaosSettings {
    return this.current;
  }

  configure(settings: ChaosSettings): void {
    this.current = settings;
    this.rng = new Prng(settings.seed);
    this.retryNotBefore.clear();
  }

  private applies(endpoint: string): boolean {
    return this.current.endpoints.length === 0 || this.current.endpoints.includes(endpoint);
  }

  async delay(endpoint: string): Promise<void> {
    if (this.current.latencyMs > 0 && this.applies(endpoint)) {
      await new Promise((resolve) => setTimeout(resolve, this.current.latencyMs));
    }
  }

  /** Decides whether this request is refused. `signature` identifies "the same request" for retries. */
  judge(endpoint: string, signature: string, now: number): ChaosVerdict {
    const notBefore = this.retryNotBefore.get(signature);
    if (notBefore !== undefined) {
      if (now < notBefore) return { kind: 'refuse', response: this.tooManyRequests(signature, now), earlyRetry: true };
      this.retryNotBefore.delete(signature);
    }
    if (!this.applies(endpoint)) return { kind: 'pass' };
    if (this.current.rate429 > 0 && this.rng.chance(this.current.rate429)) {
      return { kind: 'refuse', response: this.tooManyRequests(signature, now), earlyRetry: false };
    }
    if (this.current.rate5xx > 0 && this.rng.chance(this.current.rate5xx)) {
      return { kind: 'refuse', response: serviceUnavailable(this.current.retryAfterSeconds), earlyRetry: false };
    }
    return { kind: 'pass' };
  }

  /** Cuts a successful JSON answer short, as a flaky proxy would. */
  mangle(endpoint: string, response: SimResponse): SimResponse {
    if (response.status !== 200 || !this.applies(endpoint) || this.current.malformedJsonRate <= 0) return response;
    if (!this.rng.chance(this.current.malformedJsonRate)) return response;
    return { ...response, body: response.body.slice(0, Math.max(1, Math.floor(response.body.length / 2))) };
  }

  private tooManyRequests(signature: string, now: number): SimResponse {
    const seconds = Math.max(1, Math.ceil(this.current.retryAfterSeconds));
    const reset = new Date(now + seconds * 1000).toISOString().slice(0, 16) + 'Z';
    this.retryNotBefore.set(signature, now + seconds * 1000);
    return {
      status: 429,
      headers: {
        'content-type': 'application/json;charset=UTF-8',
        'retry-after': String(seconds),
        'ratelimit-reason': 'jira-burst-based',
        'x-ratelimit-limit': '100',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': reset,
      },
      body: JSON.stringify({ errorMessages: ['Rate limit exceeded.'], errors: {} }),
    };
  }
}

function serviceUnavailable(retryAfterSeconds: number): SimResponse {
  return {
    status: 503,
    headers: { 'content-type': 'application/json;charset=UTF-8', 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    body: JSON.stringify({ errorMessages: ['Service Unavailable'], errors: {} }),
  };
}
