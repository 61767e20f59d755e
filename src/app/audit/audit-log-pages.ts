import { z } from 'zod';
import type { AuditLog, AuditReadPoint, AuditRecord } from '../../ports';
import { AUDIT_LOG_PAGE_SIZE, type AuditEntry, type AuditLogPage } from '../../shared/resolver-contract';

/**
 * The audit log as the admin pages through it: pages of AUDIT_LOG_PAGE_SIZE entries, newest first, whatever
 * size the stored pages happen to be. Each page hands out a cursor for the next older one: the point where
 * the read stopped and how many entries came before it. Entries recorded meanwhile are newer than that
 * point, so paging on neither skips nor repeats one, and the numbering stays that of the first page read.
 */
interface AuditLogCursor {
  point: AuditReadPoint;
  /** Entries on the pages before this one. */
  shownBefore: number;
}

const cursorShape = z
  .object({
    point: z.object({ page: z.number().int().min(1), entryId: z.string().min(1).max(100), at: z.iso.datetime() }).strict(),
    shownBefore: z.number().int().min(1).max(1_000_000),
  })
  .strict();

/** A cursor travels as opaque text: the page gives it out and sends it back unchanged. */
function encodeCursor(cursor: AuditLogCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodedCursor(text: string): unknown {
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

/** The payload field: a cursor this page gave out, refused with INVALID_INPUT when it is anything else. */
export const auditLogCursor = z
  .string()
  .max(400)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a cursor the audit log gave out')
  .transform((text, context): AuditLogCursor => {
    const parsed = cursorShape.safeParse(decodedCursor(text));
    if (parsed.success) return parsed.data;
    context.addIssue({ code: 'custom', message: 'must be a cursor the audit log gave out' });
    return z.NEVER;
  });

/** An entry as the settings page shows it: the page's wire type, apart from how the log records and stores it. */
const entryOnThePage = (record: AuditRecord): AuditEntry => ({
  id: record.id,
  at: record.at,
  actorAccountId: record.actorAccountId,
  action: record.action,
  subject: record.subject,
  details: { ...record.details },
});

export async function readAuditLog(ports: { auditLog: AuditLog }, cursor?: AuditLogCursor): Promise<AuditLogPage> {
  const shownBefore = cursor?.shownBefore ?? 0;
  const read = await ports.auditLog.read(AUDIT_LOG_PAGE_SIZE, cursor?.point);
  return {
    entries: read.entries.map(entryOnThePage),
    firstEntryNumber: shownBefore + 1,
    // Never fewer than the reader has already seen: the oldest page may have been trimmed meanwhile.
    approximateTotal: Math.max(read.approximateTotal, shownBefore + read.entries.length),
    olderCursor: read.next ? encodeCursor({ point: read.next, shownBefore: shownBefore + read.entries.length }) : null,
  };
}
