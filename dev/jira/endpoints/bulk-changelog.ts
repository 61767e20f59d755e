import { changeFieldId, historyJson } from '../changelog-json';
import { decodePageToken, encodePageToken, fingerprint } from '../page-token';
import type { Route, RouteRequest } from '../router';
import type { SiteContext } from '../site-context';
import { INVALID_PAYLOAD, JiraHttpError, isRecord, json, parseJsonBody, type SimResponse } from '../sim-http';

/**
 * `POST /rest/api/3/changelog/bulkfetch`: the changelogs of up to 1000 issues in one call, optionally only
 * the changes to some fields, paged by changes (`maxResults` ≤ 10000, default 1000). Within the response,
 * issues come by ascending id and each issue's changes oldest first; a page may end part-way through an
 * issue, whose remaining changes open the next page, so clients must merge by `issueId`. Issues the caller
 * cannot see, and ids or keys that do not exist, are left out rather than failing the call.
 */
const BULK_CHANGELOG_MAX_ISSUES = 1000;
const BULK_CHANGELOG_MAX_FIELDS = 10;
const BULK_CHANGELOG_MAX_RESULTS = 10_000;
const BULK_CHANGELOG_DEFAULT_RESULTS = 1000;

interface BulkRequest {
  issueIdsOrKeys: string[];
  fieldIds: string[];
  maxResults: number;
  nextPageToken?: string;
}

const KEYS = new Set(['issueIdsOrKeys', 'fieldIds', 'maxResults', 'nextPageToken']);

function readRequest(body: string | undefined): BulkRequest {
  const parsed = parseJsonBody(body);
  if (!isRecord(parsed) || Object.keys(parsed).some((k) => !KEYS.has(k))) throw new JiraHttpError(400, [INVALID_PAYLOAD]);
  const { issueIdsOrKeys, fieldIds, maxResults, nextPageToken } = parsed;
  if (!Array.isArray(issueIdsOrKeys) || !issueIdsOrKeys.every((v) => typeof v === 'string')) {
    throw new JiraHttpError(400, ['issueIdsOrKeys must be provided.'], { issueIdsOrKeys: 'issueIdsOrKeys must be provided.' });
  }
  if (issueIdsOrKeys.length === 0 || issueIdsOrKeys.length > BULK_CHANGELOG_MAX_ISSUES) {
    const message = `The number of issueIdsOrKeys must be between 1 and ${BULK_CHANGELOG_MAX_ISSUES}.`;
    throw new JiraHttpError(400, [message], { issueIdsOrKeys: message });
  }
  if (fieldIds !== undefined && (!Array.isArray(fieldIds) || !fieldIds.every((v) => typeof v === 'string'))) {
    throw new JiraHttpError(400, [INVALID_PAYLOAD]);
  }
  const fields = fieldIds ?? [];
  if (fields.length > BULK_CHANGELOG_MAX_FIELDS || new Set(fields).size !== fields.length) {
    const message = `fieldIds must contain at most ${BULK_CHANGELOG_MAX_FIELDS} unique field ids.`;
    throw new JiraHttpError(400, [message], { fieldIds: message });
  }
  if (
    maxResults !== undefined &&
    (!Number.isInteger(maxResults) || (maxResults as number) < 1 || (maxResults as number) > BULK_CHANGELOG_MAX_RESULTS)
  ) {
    const message = `maxResults must be between 1 and ${BULK_CHANGELOG_MAX_RESULTS}.`;
    throw new JiraHttpError(400, [message], { maxResults: message });
  }
  if (nextPageToken !== undefined && nextPageToken !== null && typeof nextPageToken !== 'string') {
    throw new JiraHttpError(400, [INVALID_PAYLOAD]);
  }
  return {
    issueIdsOrKeys: issueIdsOrKeys,
    fieldIds: fields,
    maxResults: (maxResults as number | undefined) ?? BULK_CHANGELOG_DEFAULT_RESULTS,
    ...(typeof nextPageToken === 'string' && nextPageToken !== '' ? { nextPageToken } : {}),
  };
}

function bulkFetch(site: SiteContext, route: RouteRequest): SimResponse {
  const request = readRequest(route.body);
  const { store, permissions } = site;
  const rows = new Set<number>();
  for (const idOrKey of request.issueIdsOrKeys) {
    const row = store.find(idOrKey);
    if (row >= 0 && permissions.canSeeIssue(route.principal, row)) rows.add(row);
  }
  const ordered = [...rows].sort((a, b) => a - b);
  const onlyFields = request.fieldIds.length > 0 ? new Set(request.fieldIds) : undefined;
  const requestFingerprint = fingerprint(JSON.stringify([[...request.issueIdsOrKeys].sort(), [...request.fieldIds].sort()]));
  // The token remembers where the last page stopped: which issue, and which of its histories.
  const [startIssue = 0, startHistory = 0] = decodePageToken(request.nextPageToken, requestFingerprint, 2);

  const issueChangeLogs: { issueId: string; changeHistories: ReturnType<typeof historyJson>[] }[] = [];
  let taken = 0;
  let next: [number, number] | undefined;
  for (let i = startIssue; i < ordered.length && !next; i++) {
    const row = ordered[i] as number;
    const count = store.historyCount(row);
    let entry: (typeof issueChangeLogs)[number] | undefined;
    for (let n = i === startIssue ? startHistory : 0; n < count; n++) {
      const history = store.historyAt(row, n);
      if (onlyFields && !history.changes.some((c) => onlyFields.has(changeFieldId(c)))) continue;
      if (taken === request.maxResults) {
        next = [i, n];
        break;
      }
      if (!entry) {
        entry = { issueId: store.idOf(row), changeHistories: [] };
        issueChangeLogs.push(entry);
      }
      entry.changeHistories.push(historyJson(site.siteUrl, history, onlyFields));
      taken++;
    }
  }
  return json(200, {
    issueChangeLogs,
    ...(next ? { nextPageToken: encodePageToken(requestFingerprint, ...next) } : {}),
  });
}

export const bulkChangelogRoutes: Route[] = [{ method: 'POST', template: '/rest/api/3/changelog/bulkfetch', handler: bulkFetch }];
