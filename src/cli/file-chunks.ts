/**
 * A file (or standard input) read in pieces of a megabyte, so a 225 MB export never exists as one string.
 * Each piece is the same buffer, refilled: the reader must be done with a piece before asking for the next.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK_BYTES = 1 << 20;

/** Which bytes of a file to read: from `start` (0 by default) up to `end` (the file's end by default). */
export interface ByteRange {
  start?: number;
  end?: number;
}

/** Waits briefly without spinning, for a non-blocking standard input that has nothing to read yet. */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** @param path a file path, or "-" for standard input (read whole: it has no offsets) */
export function* readFileChunks(path: string, chunkBytes = CHUNK_BYTES, range: ByteRange = {}): Generator<Uint8Array> {
  const fd = path === '-' ? 0 : openSync(path, 'r');
  try {
    yield* readOpenFileChunks(fd, chunkBytes, range);
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

/**
 * The bytes of a file already open, in pieces, its descriptor left open: for readers of one file's parts, which
 * must all read the file that was opened, whatever happens to its name meanwhile (see list-part-thread.ts).
 * @param fd a file descriptor, or 0 for standard input (read whole from where it stands)
 */
export function* readOpenFileChunks(
  fd: number,
  chunkBytes = CHUNK_BYTES,
  { start = 0, end = Infinity }: ByteRange = {},
): Generator<Uint8Array> {
  const buffer = Buffer.allocUnsafe(chunkBytes);
  let position = start;
  while (position < end) {
    let bytes: number;
    try {
      bytes = readSync(fd, buffer, 0, Math.min(chunkBytes, end - position), fd === 0 ? null : position);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        pause(5);
        continue;
      }
      if ((error as NodeJS.ErrnoException).code === 'EOF') break; // standard input closed (Windows)
      throw error;
    }
    if (bytes === 0) break;
    position += bytes;
    yield buffer.subarray(0, bytes);
  }
}
