/**
 * `/api/v1/query`: list plain values by key prefix, one page at a time.
 *
 * Request (query.js): `{limit?, after?, where?: [{property: 'key', condition: 'BEGINS_WITH', values: [p]}],
 * options?: {metadataFields}}`. Answer: `{data: [{key, value, ...metadata}], cursor?}`, which the client
 * maps to `{results, nextCursor}`.
 *
 * Rules (KVS query page and error page): only the `key` field (`QUERY_WHERE_FIELD_INVALID`), a single
 * where clause (`QUERY_WHERE_INVALID`), only BEGINS_WITH (`INVALID_FILTER_CONDITION`) with one value
 * (`INVALID_FILTER_VALUES`), 10 results by default and at most `maxQueryLimit` (`LIST_QUERY_LIMIT_EXCEEDED`).
 * Results come in ascending key order (the KVS query API has no sort option; only entity queries do).
 * Secrets and entities live in other keyspaces, so a query can never return them.
 *
 * A cursor is returned only when another matching key exists beyond this page, so a caller looping
 * `while (cursor)` makes no extra empty request.
 */
import { kvsError } from './kvs-error';
import { objectBody, orThrow, type Operation } from './operation-context';
import { decodeCursor, encodeCursor } from './query-cursor';
import { parseMetadataFields, renderRecord } from './stored-record';
import { meteredUnits } from './usage-stats';

function prefixOf(where: unknown): string {
  if (where === undefined || where === null) return '';
  if (!Array.isArray(where)) throw kvsError.badRequest('"where" must be an array');
  if (where.length === 0) return '';
  if (where.length > 1) throw kvsError.queryWhereInvalid();
  const clause = where[0] as { property?: unknown; condition?: unknown; values?: unknown } | null;
  if (clause === null || typeof clause !== 'object') throw kvsError.badRequest('a where clause must be an object');
  if (clause.property !== 'key') throw kvsError.queryWhereFieldInvalid(clause.property);
  if (clause.condition !== 'BEGINS_WITH') throw kvsError.invalidFilterCondition(clause.condition);
  const values = clause.values;
  if (!Array.isArray(values) || values.length !== 1) throw kvsError.invalidFilterValues('BEGINS_WITH');
  const [value] = values as unknown[];
  if (typeof value !== 'string' && typeof value !== 'number') throw kvsError.invalidFilterValues('BEGINS_WITH');
  return String(value);
}

function limitOf(raw: unknown, defaultLimit: number, maxLimit: number): number {
  if (raw === undefined || raw === null) return defaultLimit;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1) throw kvsError.badRequest('"limit" must be a positive integer');
  if (raw > maxLimit) throw kvsError.listQueryLimitExceeded(raw, maxLimit);
  return raw;
}

export const queryOperation: Operation = (ctx, rawBody) => {
  const body = objectBody(rawBody);
  const prefix = prefixOf(body.where);
  const limit = limitOf(body.limit, ctx.limits.defaultQueryLimit, ctx.limits.maxQueryLimit);
  const after = body.after === undefined || body.after === null ? undefined : orThrow(decodeCursor(body.after, prefix));
  const options = body.options as { metadataFields?: unknown } | undefined;
  const fields = orThrow(parseMetadataFields(options?.metadataFields));

  const rows = ctx.store.plain.scan(prefix, after, limit, ctx.nowMs);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const answer: { data: Array<Record<string, unknown>>; cursor?: string } = {
    data: page.map(([key, record]) => renderRecord(key, record, fields)),
  };
  if (rows.length > limit && last) answer.cursor = encodeCursor(prefix, last[0]);

  const bytes = Buffer.byteLength(JSON.stringify(answer.data), 'utf8');
  ctx.stats.queries++;
  ctx.stats.reads++;
  ctx.stats.queryResults += page.length;
  ctx.stats.bytesRead += bytes;
  ctx.stats.readUnits += meteredUnits(bytes, ctx.limits.meteringUnitBytes);
  return answer;
};
