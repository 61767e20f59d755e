import type { ChangeDetailsJson } from './changelog-json';
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

/** An answer's JSON, typed as the caller says the endpoint sends it; `unknown` until it says. */
export interface JsonAnswer<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
  raw: SimResponse;
}

export async function call<T = unknown>(
  site: JiraSite,
  caller: Caller,
  method: string,
  path: string,
  body?: unknown,
): Promise<JsonAnswer<T>> {
  const raw = await site.handle({
    method,
    path,
    headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headersFor(caller) },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  return { status: raw.status, headers: raw.headers, body: (raw.body === '' ? undefined : JSON.parse(raw.body)) as T, raw };
}

export const q = encodeURIComponent;

/*
 * Jira's JSON as these tests read it: the parts of Atlassian's published schemas (named as there) that the
 * tests look at. A part that Jira sends only when asked for (the changelog, `names`) is typed present: a test
 * names the type for an answer to a request that asks for it, and the contract test checks the full schema.
 */

/** ErrorCollection: what every refusal carries. */
export interface ErrorCollection {
  errorMessages: string[];
  errors: Record<string, string>;
}

/** Changelog: one history of an issue. */
export interface ChangelogJson {
  id: string;
  author: { accountId: string };
  created: string;
  items: ChangeDetailsJson[];
}

/** PageOfChangelogs: the changelog embedded in an issue, cut at 100 histories. */
interface EmbeddedChangelogJson {
  startAt: number;
  maxResults: number;
  total: number;
  histories: ChangelogJson[];
}

interface NamedJson {
  id: string;
  name: string;
}

/** The fields the tests read; any other field Jira sends is there too, of whatever type. */
interface IssueFieldsJson {
  [fieldId: string]: unknown;
  status: NamedJson & { statusCategory: { key: string } };
  issuetype: NamedJson;
  resolution: NamedJson | null;
  project: { id: string; key: string };
  created: string;
  updated: string;
  resolutiondate: string | null;
  security: NamedJson | null;
}

/** IssueBean. */
export interface IssueJson {
  id: string;
  key: string;
  fields: IssueFieldsJson;
  changelog: EmbeddedChangelogJson;
}

/** SearchAndReconcileResults: a page of the enhanced search. */
export interface SearchPageJson {
  issues: IssueJson[];
  nextPageToken?: string;
  isLast: boolean;
  names: Record<string, string>;
}

/** PageBeanChangelog: a page of one issue's changelog. */
export interface ChangelogPageJson {
  startAt: number;
  maxResults: number;
  total: number;
  isLast: boolean;
  nextPage?: string;
  values: ChangelogJson[];
}

/** BulkChangelogResponseBean: changelogs of many issues, paged with a token. */
export interface BulkChangelogJson {
  issueChangeLogs: { issueId: string; changeHistories: ChangelogJson[] }[];
  nextPageToken?: string;
}
