import { z } from 'zod';
import type { AuditRecord } from '../../ports';
import { AUDIT_ACTIONS } from '../../shared/resolver-contract';
import { storedRecordKind } from './stored-record';

/** One page of the audit log as the log works with it (`audit:page:<n>`), whatever version it was stored as. */
export interface AuditPage {
  /** Oldest first. */
  entries: AuditRecord[];
  /**
   * Set by the retention purge when it trims a page: entries before this time went, and a writer that read
   * the page before the trim must not bring them back. Writers carry the latest they see.
   */
  trimmedBefore?: string;
  /**
   * The tombstones erasure wrote into this page. A writer that read the page before an erasure carries the
   * erased account's id in its copy of an entry; where its copy differs from the stored one, each field goes
   * to whichever holds more tombstones (erasure only ever turns an id into a tombstone), so the erased id
   * cannot come back. The ids themselves are never recorded: after erasure no value may hold them. (Exact for
   * a field naming one account, as actors are; a free-text field naming two accounts erased in one race could
   * keep one of them, which no entry the app writes does.)
   */
  tombstones?: string[];
}

const storedAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorAccountId: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  subject: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

const auditPageV2 = z.object({
  version: z.literal(2),
  entries: z.array(storedAuditEntry),
  trimmedBefore: z.string().optional(),
  tombstones: z.array(z.string()).optional(),
});

const copyEntry = (entry: AuditRecord): AuditRecord => ({
  id: entry.id,
  at: entry.at,
  actorAccountId: entry.actorAccountId,
  action: entry.action,
  subject: entry.subject,
  details: { ...entry.details },
});

/**
 * A stored page of the audit log. Version 1 is what the app stored before pages carried a version: the same
 * fields, written straight from the settings page's `AuditEntry`; version 2 names its fields here, so the
 * page's wire type can change without orphaning the log.
 */
export const AUDIT_PAGE_RECORD = storedRecordKind({
  name: 'audit log page',
  version: 2,
  current: auditPageV2,
  toValue: (stored): AuditPage => ({
    entries: stored.entries.map(copyEntry),
    ...(stored.trimmedBefore === undefined ? {} : { trimmedBefore: stored.trimmedBefore }),
    ...(stored.tombstones === undefined ? {} : { tombstones: [...stored.tombstones] }),
  }),
  fromValue: (page: AuditPage) => ({
    version: 2 as const,
    entries: page.entries.map(copyEntry),
    ...(page.trimmedBefore === undefined ? {} : { trimmedBefore: page.trimmedBefore }),
    ...(page.tombstones === undefined ? {} : { tombstones: page.tombstones }),
  }),
  older: { 1: { schema: auditPageV2.omit({ version: true }), upgrade: (page: object) => ({ ...page, version: 2 }) } },
});
