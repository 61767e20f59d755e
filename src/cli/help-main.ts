/**
 * The first thing `flow-metrics` runs (see cli/bin/flow-metrics.js): answers `--help` by itself, so that it
 * starts without compiling the report engine, which main.ts loads only for a report.
 */
import { HELP_TEXT, isHelpRequest } from './cli-help';

/** Prints the help when it is asked for; true when it was, and there is nothing more to do. */
export function answerAlone(argv: readonly string[]): boolean {
  if (!isHelpRequest(argv)) return false;
  process.stdout.write(HELP_TEXT);
  return true;
}
