import { privacy } from '@forge/api';
import type { AccountVerdict, PersonalDataReporter, ReportedAccount } from '../../ports';
import { ReportRefusal } from '../../app/privacy/report-refusal';

/** Atlassian's limit per request, which the SDK would otherwise split into parallel requests. */
const MAX_ACCOUNTS_PER_REQUEST = 90;

/** What the SDK rejects with: the platform's fetch response (not necessarily the global `Response` class). */
interface RefusedResponse {
  status: number;
  headers: { get(name: string): string | null };
}

function isRefusedResponse(value: unknown): value is RefusedResponse {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { status?: unknown; headers?: { get?: unknown } };
  return typeof candidate.status === 'number' && typeof candidate.headers?.get === 'function';
}

function retryAfterSeconds(response: RefusedResponse): number | null {
  const header = response.headers.get('retry-after');
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}

/**
 * `privacy.reportPersonalData` from `@forge/api`, one request per call. The SDK rejects with the raw
 * `Response` on any status but 200 and 204; that becomes a `ReportRefusal` carrying only the status and
 * `Retry-After`. A request that never got an answer is treated like a 503: worth trying again.
 */
export class ForgePersonalDataReporter implements PersonalDataReporter {
  async report(accounts: readonly ReportedAccount[]): Promise<AccountVerdict[]> {
    if (accounts.length > MAX_ACCOUNTS_PER_REQUEST) throw new RangeError(`At most ${MAX_ACCOUNTS_PER_REQUEST} accounts per request.`);
    try {
      const answer = await privacy.reportPersonalData(accounts.map(({ accountId, updatedAt }) => ({ accountId, updatedAt })));
      return answer
        .filter((update) => update.status === 'closed' || update.status === 'updated')
        .map(({ accountId, status }) => ({ accountId, status }));
    } catch (error) {
      if (isRefusedResponse(error)) throw new ReportRefusal(error.status, retryAfterSeconds(error));
      if (error instanceof ReportRefusal || error instanceof RangeError) throw error;
      throw new ReportRefusal(503, null);
    }
  }
}
