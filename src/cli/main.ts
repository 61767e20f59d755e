/** Node entry point of `flow-metrics` (see cli/bin/flow-metrics.js): real files, real streams, the real clock. */
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import type { readFlowConfig } from './config-input';
import { runFlowMetrics, type CommandIo } from './flow-metrics-command';
import { readFileChunks } from './file-chunks';

/** Loads the configuration's reader, compiled apart (cli/build/flow-metrics-config.js): see config-input.ts. */
export type ConfigReaderLoader = () => { readFlowConfig: typeof readFlowConfig };

const nodeIo = (loadConfigReader: ConfigReaderLoader): CommandIo => ({
  readText: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
  readChunks: (path) => readFileChunks(path),
  writeText: (path, text) => writeFileSync(path, text, 'utf8'),
  writePieces,
  makeDirectory: (path) => mkdirSync(path, { recursive: true }),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  now: () => Date.now(),
  readConfig: (text, source) => loadConfigReader().readFlowConfig(text, source),
});

/** Bytes gathered before a write: pieces are encoded into one buffer, reused, rather than each into a fresh one. */
const WRITE_BUFFER_BYTES = 1 << 20;

/** Writes bytes `0` to `end` of the buffer, however many calls the system takes to accept them. */
function writeAll(fd: number, buffer: Buffer, end: number): void {
  for (let at = 0; at < end;) at += writeSync(fd, buffer, at, end - at);
}

function writePieces(path: string, pieces: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    let buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
    let used = 0;
    for (const piece of pieces) {
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

/** Runs the command with process arguments; the exit code is set, not forced, so output is flushed. */
export function main(argv: readonly string[], loadConfigReader: ConfigReaderLoader): void {
  keepNewSpaceSmall();
  process.exitCode = runFlowMetrics(argv, nodeIo(loadConfigReader));
}
