/**
 * Reading the command's input: the issues file (Jira search/jql shape), streamed (the optional configuration
 * file is `config-input.ts`). Every problem becomes a `CliInputError` that names the file, and for issues the issue key and the
 * field, e.g. `issues.json: ABC-12: changelog.histories[3].created: "2025-02-30T..." is not a date-time`.
 */
import {
  facetsOfJiraIssue,
  IssueFacetsBuilder,
  JiraHistoryBuilder,
  JiraHistoryError,
  type CompactHistory,
  type FlowConfig,
  type StatusLocation,
} from '../domain';
import { CliInputError } from './cli-error';
import { issueSelection } from './issue-selection';
import { IssueListStream, NOT_AN_ISSUE_LIST } from './issue-list-stream';
import { JsonStreamError } from './selective-json';

export interface IssueInput {
  history: CompactHistory;
  warnings: string[];
  /** Where a status (by dictionary index) was first seen in the input. */
  locateStatus(statusIndex: number): StatusLocation | undefined;
}

/**
 * Reads the issues file as it streams in, one issue at a time: each issue is built with only the members
 * the engine reads (see `issue-selection.ts`), compacted into the history and dropped, so memory holds the
 * compact history rather than the whole export.
 * @param chunks the file's bytes (UTF-8), in pieces of any size
 * @param readFailed turns an error thrown while reading (not while parsing) into the message to report
 */
export function readIssues(
  chunks: Iterable<Uint8Array>,
  source: string,
  config: FlowConfig,
  readFailed: (error: unknown) => Error,
): IssueInput {
  const options = { statuses: config.statuses, flaggedFieldIds: config.flaggedFieldIds };
  const builder = new JiraHistoryBuilder(options);
  // The issues' facets (resolution, labels, components, parent), read from the same fields the app syncs.
  const facets = new IssueFacetsBuilder();
  let resolutionsGiven = false;
  const keys = new Map<string, number>();
  const stream = new IssueListStream(issueSelection(config.flaggedFieldIds), (issue, position, text) => {
    try {
      builder.addSearchIssue(issue, position);
    } catch (error) {
      // The message may quote a value the selection left partly unbuilt (an object missing what was looked
      // for): it is worded from the issue as it is, parsed whole, so it names what the file holds.
      if (error instanceof JiraHistoryError) new JiraHistoryBuilder(options).addSearchIssue(JSON.parse(text()), position);
      throw error;
    }
    const fields = (issue as { fields?: Record<string, unknown> }).fields;
    if (fields && 'resolution' in fields) resolutionsGiven = true;
    facets.add(facetsOfJiraIssue(fields));
    const key = (issue as { key: string }).key;
    const previous = keys.get(key);
    if (previous !== undefined)
      throw new CliInputError(`${source}: ${key}: key: the issue appears twice (positions ${previous} and ${position})`);
    keys.set(key, position);
  });
  try {
    const pieces = chunks[Symbol.iterator]();
    for (;;) {
      let piece: IteratorResult<Uint8Array>;
      try {
        piece = pieces.next();
      } catch (error) {
        throw readFailed(error);
      }
      if (piece.done) break;
      stream.push(piece.value);
    }
    stream.end();
  } catch (error) {
    if (error instanceof JiraHistoryError) throw new CliInputError(`${source}: ${error.message}`);
    if (error instanceof JsonStreamError) {
      if (error.problem === NOT_AN_ISSUE_LIST) throw new CliInputError(`${source}: ${NOT_AN_ISSUE_LIST}`);
      throw new CliInputError(`${source} is not valid JSON: ${error.message}`);
    }
    throw error;
  }
  const warnings = [...builder.warnings];
  if (config.workflow?.discardedResolutions?.length && !resolutionsGiven) {
    warnings.push(
      `${source}: no issue has a "resolution" field, so no item is discarded by its resolution; export the issues with fields=resolution`,
    );
  }
  return { history: { ...builder.build(), facets: facets.build() }, warnings, locateStatus: (index) => builder.statusLocation(index) };
}
