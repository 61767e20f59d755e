/** Node entry point of `flow-metrics` (see cli/bin/flow-metrics.js): real files, real streams, the real clock. */
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { readFlowConfig } from './config-input';
import { runFlowMetrics, type CommandIo } from './flow-metrics-command';
import { readFileChunks } from './file-chunks';
import { readExportInTwo, SMALLEST_EXPORT_READ_IN_TWO } from './list-part-thread';
import type { JsonPiece } from './json-pieces';

/** The reader of a large export's second part, compiled beside this file (see build-command.mjs). */
const LIST_PART_READER_FILE = join(__dirname, 'flow-metrics-list-part.js');

/**
 * The smallest export read on two cores: `FLOW_METRICS_READ_IN_TWO_FROM_MB` megabytes when that is set to a number
 * (0 for every file; a number larger than any export to keep to one thread), else `SMALLEST_EXPORT_READ_IN_TWO`.
 */
function smallestReadInTwo(): number {
  const setting = process.env['FLOW_METRICS_READ_IN_TWO_FROM_MB']?.trim() ?? '';
  const megabytes = setting === '' ? NaN : Number(setting);
  return megabytes >= 0 ? megabytes * (1 << 20) : SMALLEST_EXPORT_READ_IN_TWO;
}

/** Loads the configuration's reader, compiled apart (cli/build/flow-metrics-config.js): see config-input.ts. */
export type ConfigReaderLoader = () => { readFlowConfig: typeof readFlowConfig };

/** The standard streams the command wrote to (creating one costs a module load, so one never written to is never made). */
const streamsWritten = new Set<NodeJS.WriteStream>();

function writeTo(stream: NodeJS.WriteStream, text: string): void {
  if (!streamsWritten.has(stream)) {
    streamsWritten.add(stream);
    stream.on('error', endWhenNobodyReads);
  }
  stream.write(text);
}

/**
 * A reader that stops early (`flow-metrics report ... | head`) closes the pipe, and the next write fails with
 * EPIPE. That is the reader's choice, not a fault of the command: it ends quietly with its own exit code, as
 * command-line tools do, instead of printing Node's stack trace. Any other write error is a real fault.
 */
function endWhenNobodyReads(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
  process.exit();
}

const nodeIo = (loadConfigReader: ConfigReaderLoader): CommandIo => ({
  readText: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
  readChunks: (path) => readFileChunks(path),
  readInTwo(path, flaggedFieldIds) {
    const inTwo = readExportInTwo(path, flaggedFieldIds, LIST_PART_READER_FILE, smallestReadInTwo());
    if (inTwo === null) return null;
    return {
      ...inTwo,
      firstPart: () => keepingNewSpaceSmall(inTwo.firstPart()),
      rest: (offset) => keepingNewSpaceSmall(inTwo.rest(offset)),
    };
  },
  writeText: (path, text) => writeFileSync(path, text, 'utf8'),
  writePieces,
  makeDirectory: (path) => mkdirSync(path, { recursive: true }),
  stdout: (text) => writeTo(process.stdout, text),
  stderr: (text) => writeTo(process.stderr, text),
  now: () => Date.now(),
  readConfig: (text, source) => loadConfigReader().readFlowConfig(text, source),
});

/** Bytes gathered before a write: pieces are encoded into one buffer, reused, rather than each into a fresh one. */
const WRITE_BUFFER_BYTES = 1 << 20;

/** Writes bytes `0` to `end` of the buffer, however many calls the system takes to accept them. */
function writeAll(fd: number, buffer: Uint8Array, end: number): void {
  for (let at = 0; at < end;) at += writeSync(fd, buffer, at, end - at);
}

function writePieces(path: string, pieces: Iterable<JsonPiece>): void {
  const fd = openSync(path, 'w');
  try {
    let buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
    let used = 0;
    for (const piece of pieces) {
      if (typeof piece !== 'string') {
        // Bytes already: copied into the buffer (they are overwritten by the next piece), or written as they are.
        if (used + piece.length > buffer.length) {
          writeAll(fd, buffer, used);
          used = 0;
        }
        if (piece.length > buffer.length) writeAll(fd, piece, piece.length);
        else {
          buffer.set(piece, used);
          used += piece.length;
        }
        continue;
      }
      // A UTF-16 code unit is at most three bytes of UTF-8.
      if (used + 3 * piece.length > buffer.length) {
        writeAll(fd, buffer, used);
        used = 0;
        if (3 * piece.length > buffer.length) buffer = Buffer.allocUnsafe(3 * piece.length);
      }
      used += buffer.write(piece, used, 'utf8');
    }
    writeAll(fd, buffer, used);
  } finally {
    closeSync(fd);
  }
}

/**
 * Keeps V8's space for new objects at the megabyte it starts with, rather than letting it grow to 16 MB or more.
 *
 * Why: reading an export makes garbage by the gigabyte, every bit of it short-lived, and V8 grows that space as
 * soon as a little of it survives (the issues' keys, the history's columns). A larger space means fewer
 * collections but fresh memory to touch, and on a small machine touching fresh memory (a page fault per 4 kB)
 * costs more than the collections saved: measured on 20,000 issues, 27,000 page faults became 18,000, CPU time
 * fell by a tenth and peak memory from 118 to 84 MB. The growth factor is read at each growth, so it can be
 * set after start-up, unlike the space's size.
 */
function keepNewSpaceSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * The pieces of the export, the growth factor set again before each. V8 raises a factor below 2 to 2 whenever it
 * sets up a heap, as it does for the thread that reads a large export's second part (list-part-thread.ts), at a
 * moment this thread cannot know: measured before, with a thread of the forecast's, the space then grew to 16 MB
 * and the page faults rose by half. Setting the flag takes microseconds.
 */
function* keepingNewSpaceSmall(chunks: Iterable<Uint8Array>): Generator<Uint8Array> {
  for (const chunk of chunks) {
    keepNewSpaceSmall();
    yield chunk;
  }
}

/**
 * Runs the command with process arguments, and exits as soon as everything written has been handed to the system.
 *
 * Why exit rather than return: a process left to end by itself first waits for V8's background threads to finish
 * the code they are still optimizing, and takes down a heap of millions of objects piece by piece; the report no
 * longer needs either. Measured on 20,000 issues, that was 50 to 70 ms of CPU time. Files are written synchronously;
 * a standard stream can still hold text for an asynchronous pipe (as on macOS), and then the exit code is only
 * set, so Node ends the process once the text is out.
 */
export function main(argv: readonly string[], loadConfigReader: ConfigReaderLoader): void {
  keepNewSpaceSmall();
  const code = runFlowMetrics(argv, nodeIo(loadConfigReader));
  process.exitCode = code;
  if ([...streamsWritten].every((stream) => stream.writableLength === 0)) process.exit(code);
}
