import { Chaos, readChaosSettings } from '../jira/control/chaos';
import { lowerCaseHeaders, type SimRequest, type SimResponse, type SimService } from '../jira/sim-http';

/**
 * Atlassian's personal-data reporting API, as `privacy.reportPersonalData` from `@forge/api` calls it:
 * `POST /app/report-accounts` with `{accounts: [{accountId, updatedAt}]}`, at most 90 accounts per request.
 * It answers 200 `{accounts: [{accountId, status}]}` listing only accounts the app must act on — `closed`
 * (erase everything about them) or `updated` (the profile changed after the `updatedAt` the app reported,
 * so refresh what is kept) — and 204 when there is nothing to do.
 *
 * Control API (no credentials; paths are a contract):
 * - `POST /__atlassian/accounts/<accountId>` `{status: "closed"|"updated", updatedAt?}` sets what the API will
 *   say about an account; with `updatedAt` (when the profile changed), "updated" is only answered to reports
 *   whose `updatedAt` is older; `DELETE` clears it;
 *   `GET /__atlassian/accounts` lists what is set;
 * - `GET /__atlassian/reports` → `{reports: [{receivedAt, accounts, status}], accounts}`: what the app
 *   reported, in order (answered and refused requests alike), and the reported accounts flattened;
 *   `DELETE /__atlassian/reports` forgets them;
 * - `POST /__atlassian/chaos` `{rate429, retryAfterSeconds, latencyMs, rate5xx}`, `DELETE /__atlassian/chaos`;
 * - `GET /__atlassian/stats` → `{total, byStatus, earlyRetries}`.
 */
const REPORT_PATH = '/app/report-accounts';
export const MAX_ACCOUNTS_PER_REPORT = 90;

export type AccountStatus = 'closed' | 'updated';

export interface ReportedAccount {
  accountId: string;
  updatedAt: string;
}

export interface ReceivedReport {
  receivedAt: string;
  accounts: ReportedAccount[];
  /** What the service answered: 200, 204, or the refusal. */
  status: number;
}

/** `GET /__atlassian/reports`: every report received, and the accounts in them flattened. */
export interface ReportsReadout {
  reports: ReceivedReport[];
  accounts: ReportedAccount[];
}

/** `GET /__atlassian/stats`: how many reports came, by answer, and how many came back before Retry-After. */
export interface ReportingStats {
  total: number;
  byStatus: Record<string, number>;
  earlyRetries: number;
}

/** `GET /__atlassian/accounts`: what the service is set to say about each account. */
export interface AccountSetting {
  accountId: string;
  status: AccountStatus;
  updatedAt?: string;
}

interface AccountState {
  status: AccountStatus;
  /** For `updated`: when the profile changed, if told; otherwise every report of the account hears "updated". */
  changedAt?: number;
}

const JSON_TYPE = 'application/json;charset=UTF-8';
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

function reply(status: number, body?: unknown, headers: Record<string, string> = {}): SimResponse {
  if (body === undefined) return { status, headers, body: '' };
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

function problem(status: number, message: string): SimResponse {
  return reply(status, { code: status, message });
}

export class PersonalDataService implements SimService {
  private readonly accounts = new Map<string, AccountState>();
  private reports: ReceivedReport[] = [];
  private readonly chaos = new Chaos();
  private total = 0;
  private earlyRetries = 0;
  private byStatus: Record<string, number> = {};

  constructor(private readonly clock: () => number = Date.now) {}

  async handle(request: SimRequest): Promise<SimResponse> {
    const method = request.method.toUpperCase();
    const url = new URL(request.path, 'http://simulated-atlassian.invalid');
    if (url.pathname.startsWith('/__atlassian/') || url.pathname === '/__atlassian') {
      return this.control(method, url.pathname, request.body);
    }
    if (url.pathname !== REPORT_PATH) return problem(404, `No resource at ${url.pathname}.`);
    if (method !== 'POST') return problem(405, `Method ${method} is not allowed for ${REPORT_PATH}.`);

    await this.chaos.delay(REPORT_PATH);
    const headers = lowerCaseHeaders(request.headers ?? {});
    const caller = headers['x-forge-sim-principal'] ?? headers['authorization'] ?? '';
    const verdict = this.chaos.judge(REPORT_PATH, `${caller}\u0000${request.body ?? ''}`, this.clock());
    let response: SimResponse;
    let accounts: ReportedAccount[] = [];
    if (verdict.kind === 'refuse') {
      if (verdict.earlyRetry) this.earlyRetries++;
      response = verdict.response;
      accounts = this.readAccounts(request.body) ?? [];
    } else {
      const read = this.readAccounts(request.body);
      if (!read) {
        response = problem(
          400,
          `The body must be {"accounts": [{"accountId", "updatedAt"}]} with 1 to ${MAX_ACCOUNTS_PER_REPORT} accounts, updatedAt in ISO 8601.`,
        );
      } else {
        accounts = read;
        response = this.answer(read);
      }
    }
    this.total++;
    this.byStatus[String(response.status)] = (this.byStatus[String(response.status)] ?? 0) + 1;
    this.reports.push({ receivedAt: new Date(this.clock()).toISOString(), accounts, status: response.status });
    return response;
  }

  /** Sets what the API will answer for an account (also reachable over the control API). */
  setAccountStatus(accountId: string, status: AccountStatus, changedAt?: number): void {
    this.accounts.set(accountId, changedAt === undefined ? { status } : { status, changedAt });
  }

  receivedReports(): readonly ReceivedReport[] {
    return this.reports;
  }

  stats(): ReportingStats {
    return { total: this.total, byStatus: { ...this.byStatus }, earlyRetries: this.earlyRetries };
  }

  private readAccounts(body: string | undefined): ReportedAccount[] | undefined {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body ?? '');
    } catch {
      return undefined;
    }
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const list = (parsed as { accounts?: unknown }).accounts;
    if (!Array.isArray(list) || list.length === 0 || list.length > MAX_ACCOUNTS_PER_REPORT) return undefined;
    const accounts: ReportedAccount[] = [];
    for (const item of list) {
      if (typeof item !== 'object' || item === null) return undefined;
      const { accountId, updatedAt } = item as Record<string, unknown>;
      if (typeof accountId !== 'string' || accountId === '' || typeof updatedAt !== 'string') return undefined;
      if (!ISO_DATE_TIME.test(updatedAt) || Number.isNaN(Date.parse(updatedAt))) return undefined;
      accounts.push({ accountId, updatedAt });
    }
    return accounts;
  }

  private answer(accounts: readonly ReportedAccount[]): SimResponse {
    const actions: { accountId: string; status: AccountStatus }[] = [];
    for (const { accountId, updatedAt } of accounts) {
      const state = this.accounts.get(accountId);
      if (!state) continue;
      // With a known change time, "updated" only when the profile changed after what the app last saw.
      const stale = state.changedAt === undefined || state.changedAt > Date.parse(updatedAt);
      if (state.status === 'closed' || stale) actions.push({ accountId, status: state.status });
    }
    return actions.length > 0 ? reply(200, { accounts: actions }) : reply(204);
  }

  private control(method: string, pathname: string, body: string | undefined): SimResponse {
    const path = pathname.replace(/\/$/, '');
    let input: Record<string, unknown> = {};
    if (body && body.trim() !== '') {
      try {
        const parsed = JSON.parse(body) as unknown;
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return problem(400, 'The body must be a JSON object.');
        input = parsed as Record<string, unknown>;
      } catch {
        return problem(400, 'The body is not JSON.');
      }
    }
    if (path === '/__atlassian/reports' && method === 'GET') {
      return reply(200, { reports: this.reports, accounts: this.reports.flatMap((r) => r.accounts) } satisfies ReportsReadout);
    }
    if (path === '/__atlassian/reports' && method === 'DELETE') {
      this.reports = [];
      return reply(204);
    }
    if (path === '/__atlassian/accounts' && method === 'GET') {
      return reply(
        200,
        [...this.accounts].map(([accountId, s]): AccountSetting => ({
          accountId,
          status: s.status,
          ...(s.changedAt === undefined ? {} : { updatedAt: new Date(s.changedAt).toISOString() }),
        })),
      );
    }
    if (path === '/__atlassian/stats' && method === 'GET') {
      return reply(200, this.stats());
    }
    if (path === '/__atlassian/chaos' && (method === 'POST' || method === 'DELETE')) {
      const settings = readChaosSettings(method === 'DELETE' ? {} : input);
      if (typeof settings === 'string') return problem(400, settings);
      this.chaos.configure(settings);
      return method === 'DELETE' ? reply(204) : reply(200, settings);
    }
    const account = /^\/__atlassian\/accounts\/([^/]+)$/.exec(path);
    if (account) {
      const accountId = decodeURIComponent(account[1] ?? '');
      if (method === 'DELETE') {
        this.accounts.delete(accountId);
        return reply(204);
      }
      if (method !== 'POST') return problem(405, `Method ${method} is not allowed here.`);
      const { status, updatedAt } = input;
      if (status !== 'closed' && status !== 'updated') return problem(400, 'status must be "closed" or "updated".');
      const changedAt = typeof updatedAt === 'string' ? Date.parse(updatedAt) : undefined;
      if (updatedAt !== undefined && (changedAt === undefined || Number.isNaN(changedAt))) {
        return problem(400, 'updatedAt must be an ISO 8601 date-time.');
      }
      this.setAccountStatus(accountId, status, changedAt);
      return reply(200, { accountId, status, ...(changedAt === undefined ? {} : { updatedAt: new Date(changedAt).toISOString() }) });
    }
    return problem(404, `No control endpoint ${method} ${pathname}.`);
  }
}
