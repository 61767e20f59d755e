/**
 * Reading the command's input: the issues file (Jira search/jql shape) and the optional configuration
 * file. Every problem becomes a `CliInputError` that names the file, and for issues the issue key and the
 * field, e.g. `issues.json: ABC-12: changelog.histories[3].created: "2025-02-30T..." is not a date-time`.
 */
import {
  FlowConfigError,
  JiraHistoryBuilder,
  JiraHistoryError,
  parseFlowConfig,
  type CompactHistory,
  type FlowConfig,
  type StatusLocation,
} from '../domain';
import { CliInputError } from './cli-error';

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliInputError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
}

export function readFlowConfig(text: string, source: string): FlowConfig {
  try {
    return parseFlowConfig(parseJson(text, source));
  } catch (error) {
    if (error instanceof FlowConfigError) throw new CliInputError(`${source}: ${error.message}`);
    throw error;
  }
}

export interface IssueInput {
  history: CompactHistory;
  warnings: string[];
  /** Where a status (by dictionary index) was first seen in the input. */
  locateStatus(statusIndex: number): StatusLocation | undefined;
}

export function readIssues(text: string, source: string, config: FlowConfig): IssueInput {
  const parsed = parseJson(text, source);
  const issues = Array.isArray(parsed)
    ? parsed
    : typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { issues?: unknown }).issues)
      ? ((parsed as { issues: unknown[] }).issues)
      : null;
  if (issues === null) {
    throw new CliInputError(`${source}: expected a JSON array of issues (search/jql shape), or an object with an "issues" array`);
  }
  const builder = new JiraHistoryBuilder({ statuses: config.statuses, flaggedFieldIds: config.flaggedFieldIds });
  const keys = new Map<string, number>();
  issues.forEach((issue, position) => {
    try {
      builder.addSearchIssue(issue, position);
    } catch (error) {
      if (error instanceof JiraHistoryError) throw new CliInputError(`${source}: ${error.message}`);
      throw error;
    }
    const key = (issue as { key: string }).key;
    const previous = keys.get(key);
    if (previous !== undefined) throw new CliInputError(`${source}: ${key}: key: the issue appears twice (positions ${previous} and ${position})`);
    keys.set(key, position);
  });
  return { history: builder.build(), warnings: builder.warnings, locateStatus: (index) => builder.statusLocation(index) };
}
