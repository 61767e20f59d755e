import { z } from 'zod';
import { storedRecordKind } from './stored-record';

/**
 * One recorded change of a project's live history (`project:<KEY>:history-edit:<to>`), as the edit log works
 * with it: from which version to which, the new and changed issues as one encoded `PackedShard` (the
 * storage's own packed format), and the Jira ids of issues gone.
 */
export interface RecordedHistoryEdit {
  from: string;
  to: string;
  upserts: string;
  deletes: number[];
}

const historyEditV2 = z.object({
  version: z.literal(2),
  from: z.string(),
  to: z.string(),
  upserts: z.string(),
  deletes: z.array(z.number()),
});

/**
 * A recorded history edit. Version 1 is what the app stored before edits carried a version: the same fields,
 * typed then as the project page's `HistoryEdit`; version 2 names them here, so the page's wire type can
 * change without orphaning the edits kept.
 */
export const HISTORY_EDIT_RECORD = storedRecordKind({
  name: 'history edit',
  version: 2,
  current: historyEditV2,
  toValue: (stored): RecordedHistoryEdit => ({ from: stored.from, to: stored.to, upserts: stored.upserts, deletes: [...stored.deletes] }),
  fromValue: (edit: RecordedHistoryEdit) => ({
    version: 2 as const,
    from: edit.from,
    to: edit.to,
    upserts: edit.upserts,
    deletes: edit.deletes,
  }),
  older: { 1: { schema: historyEditV2.omit({ version: true }), upgrade: (edit: object) => ({ ...edit, version: 2 }) } },
});
