/**
 * Opaque query cursors.
 *
 * A cursor records the last key returned and the prefix of the query that produced it, base64url-encoded
 * so callers cannot (and should not) build or read one. Resuming "after the last key" means a page is
 * still correct if keys were added or deleted in between, like Forge's own cursors. Forge says cursors
 * "may not always be stable" and must not be persisted; the emulator's are stable, which is harmless.
 *
 * A cursor used with a different prefix, or one that was never issued, is refused (400 `INVALID_CURSOR`):
 * reusing a cursor across queries is a bug the app should hear about locally.
 */
import { kvsError, type KvsServiceError } from './kvs-error';

interface CursorContent {
  /** Marker and version, so arbitrary base64 strings are not mistaken for cursors. */
  v: 'kvs1';
  /** The query's prefix ('' when the query had no where clause). */
  p: string;
  /** The last key of the page the cursor came with. */
  k: string;
}

export function encodeCursor(prefix: string, lastKey: string): string {
  const content: CursorContent = { v: 'kvs1', p: prefix, k: lastKey };
  return Buffer.from(JSON.stringify(content), 'utf8').toString('base64url');
}

/** The key to resume after, or the error to answer. */
export function decodeCursor(cursor: unknown, prefix: string): string | KvsServiceError {
  if (typeof cursor !== 'string' || cursor.length === 0) return kvsError.invalidCursor();
  let content: Partial<CursorContent>;
  try {
    content = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorContent>;
  } catch {
    return kvsError.invalidCursor();
  }
  if (content === null || typeof content !== 'object' || content.v !== 'kvs1' || typeof content.k !== 'string') {
    return kvsError.invalidCursor();
  }
  if (content.p !== prefix) return kvsError.invalidCursor();
  return content.k;
}
