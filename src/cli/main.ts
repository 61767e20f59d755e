/** Node entry point of `flow-metrics` (see cli/bin/flow-metrics.js): real files, real streams, the real clock. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { readFlowConfig } from './config-input';
import { runFlowMetrics, type CommandIo } from './flow-metrics-command';
import { readFileChunks } from './file-chunks';

/** Loads the configuration's reader, compiled apart (cli/build/flow-metrics-config.js): see config-input.ts. */
export type ConfigReaderLoader = () => { readFlowConfig: typeof readFlowConfig };

const nodeIo = (loadConfigReader: ConfigReaderLoader): CommandIo => ({
  readText: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
  readChunks: (path) => readFileChunks(path),
  writeText: (path, text) => writeFileSync(path, text, 'utf8'),
  makeDirectory: (path) => mkdirSync(path, { recursive: true }),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  now: () => Date.now(),
  readConfig: (text, source) => loadConfigReader().readFlowConfig(text, source),
});

/** Runs the command with process arguments; the exit code is set, not forced, so output is flushed. */
export function main(argv: readonly string[], loadConfigReader: ConfigReaderLoader): void {
  process.exitCode = runFlowMetrics(argv, nodeIo(loadConfigReader));
}
