/**
 * Reading the command's optional configuration file (see docs/flow-metrics-cli.md for its format).
 *
 * Its schema is checked with zod, whose code is most of the command's: the Node entry compiles this file on
 * its own (cli/build/flow-metrics-config.js, see build-command.mjs) and loads it only when `--config` is
 * given, so a report without one does not pay for loading it.
 */
import { FlowConfigError, parseFlowConfig, type FlowConfig } from '../domain';

/**
 * The configuration, or what is wrong with the file. A value rather than a thrown error: compiled apart, this
 * file has its own copy of every class, so an error class of its own would not be the command's.
 */
export type ConfigReading = { config: FlowConfig } | { problem: string };

/** @returns the configuration, or the problem, naming the file and the first bad field */
export function readFlowConfig(text: string, source: string): ConfigReading {
  let document: unknown;
  try {
    document = JSON.parse(text) as unknown;
  } catch (error) {
    return { problem: `${source} is not valid JSON: ${(error as Error).message}` };
  }
  try {
    return { config: parseFlowConfig(document) };
  } catch (error) {
    if (error instanceof FlowConfigError) return { problem: `${source}: ${error.message}` };
    throw error;
  }
}
