import { DEMO_USERS, type DemoRole, type DemoUser } from './demo-data/demo-users';
import type { JiraSite } from './jira-site';
import type { SimResponse } from './sim-http';

/** Small helpers the site's tests share: calling as someone, and reading JSON answers. Test support only. */

/** A fixed anchor, so tests see the same data whatever day they run. */
export const TEST_ANCHOR = new Date('2025-06-02T00:00:00.000Z');

export function demoUser(role: DemoRole): DemoUser {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user with role ${role}`);
  return user;
}

export type Caller = 'app' | DemoRole | 'anonymous';

function headersFor(caller: Caller): Record<string, string> {
  if (caller === 'anonymous') return {};
  if (caller === 'app') return { 'x-forge-sim-principal': 'app' };
  return { 'x-forge-sim-principal': `user:${demoUser(caller).accountId}` };
}

export interface JsonAnswer<T = any> {
  status: number;
  headers: Record<string, string>;
  body: T;
  raw: SimResponse;
}

export async function call<T = any>(site: JiraSite, caller: Caller, method: string, path: string, body?: unknown): Promise<JsonAnswer<T>> {
  const raw = await site.handle({
    method,
    path,
    headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headersFor(caller) },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  return { status: raw.status, headers: raw.headers, body: (raw.body === '' ? undefined : JSON.parse(raw.body)) as T, raw };
}

export const q = encodeURIComponent;
