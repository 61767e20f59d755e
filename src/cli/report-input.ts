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
  type IssueFacetValues,
  type StatusLocation,
} from '../domain';
import { CliInputError } from './cli-error';
import type { DraftedIssue } from './issue-batch';
import { issueSelection } from './issue-selection';
import { IssueListStream, NOT_AN_ISSUE_LIST } from './issue-list-stream';
import { JsonStreamError, TOO_DEEP } from './selective-json';

export interface IssueInput {
  history: CompactHistory;
  warnings: string[];
  /** Where a status (by dictionary index) was first seen in the input. */
  locateStatus(statusIndex: number): StatusLocation | undefined;
}

/**
 * A large export whose issue list is read in two parts at once: the first here, the second by another thread
 * (see list-part-thread.ts).
 */
export interface ExportReadInTwo {
  /** The offset where the second part starts: an issue's opening brace after a comma, guessed (list-split.ts). */
  readonly split: number;
  /** The file's bytes from its start up to `split`, in pieces a reader is done with before asking for the next. */
  firstPart(): Iterable<Uint8Array>;
  /**
   * Hands on the second part's issues as the other thread read and checked them (list-part.ts), in order, as they
   * come. Returns where that reading ended, at the list's closing bracket; or null when it ended early, the issues
   * handed on being read and the rest to be read here.
   */
  secondPart(onIssue: (issue: DraftedIssue) => void): number | null;
  /** Stops reading the second part, if it is still read: its issues are no longer taken. */
  stop(): void;
  /** The file's bytes from `offset` to its end. */
  rest(offset: number): Iterable<Uint8Array>;
  /** Called once the reading is over, however it ended. */
  close(): void;
}

/**
 * Reads the issues file as it streams in, one issue at a time: each issue is built with only the members
 * the engine reads (see `issue-selection.ts`), compacted into the history and dropped, so memory holds the
 * compact history rather than the whole export.
 * @param input the file's bytes (UTF-8), in pieces of any size; or the file read in two parts at once
 * @param readFailed turns an error thrown while reading (not while parsing) into the message to report
 */
export function readIssues(
  input: Iterable<Uint8Array> | ExportReadInTwo,
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
  const addIssue = (issue: unknown, position: number, text: () => string) => {
    try {
      builder.addSearchIssue(issue, position);
    } catch (error) {
      // The message may quote a value the selection left partly unbuilt (an object missing what was looked
      // for): it is worded from the issue as it is, parsed whole, so it names what the file holds.
      if (error instanceof JiraHistoryError) new JiraHistoryBuilder(options).addSearchIssue(JSON.parse(text()), position);
      throw error;
    }
    const fields = (issue as { fields: Record<string, unknown> }).fields;
    addFacts((issue as { key: string }).key, facetsOfJiraIssue(fields), 'resolution' in fields, position);
  };
  /** What is read of an issue besides its history; the checks that span issues. */
  const addFacts = (key: string, values: IssueFacetValues, hasResolution: boolean, position: number) => {
    if (hasResolution) resolutionsGiven = true;
    facets.add(values);
    const previous = keys.get(key);
    if (previous !== undefined)
      throw new CliInputError(`${source}: ${key}: key: the issue appears twice (positions ${previous} and ${position})`);
    keys.set(key, position);
  };
  /** An issue the other thread read and checked (see `ExportReadInTwo`). */
  const addDrafted = ({ draft, facets: values, hasResolution }: DraftedIssue, position: number) => {
    builder.addDraft(draft);
    addFacts(draft.key, values, hasResolution, position);
  };
  const stream = new IssueListStream(issueSelection(config.flaggedFieldIds), addIssue);
  const push = (chunks: Iterable<Uint8Array>) => {
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
  };
  try {
    if (Symbol.iterator in input) push(input);
    else {
      try {
        pushInTwoParts(input, stream, addDrafted, push);
      } finally {
        input.stop();
        input.close();
      }
    }
    stream.end();
  } catch (error) {
    if (error instanceof JiraHistoryError) throw new CliInputError(`${source}: ${error.message}`);
    if (error instanceof JsonStreamError) {
      if (error.problem === NOT_AN_ISSUE_LIST) throw new CliInputError(`${source}: ${NOT_AN_ISSUE_LIST}`);
      if (error.problem === TOO_DEEP) throw new CliInputError(`${source}: ${error.message}, more than an export of issues holds`);
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

/**
 * Reads the first part, then takes the issues the other thread read of the second as if the stream had read them,
 * once the first part is seen to end where the second starts; what is left is read here.
 */
function pushInTwoParts(
  input: ExportReadInTwo,
  stream: IssueListStream,
  addDrafted: (issue: DraftedIssue, position: number) => void,
  push: (chunks: Iterable<Uint8Array>) => void,
): void {
  push(input.firstPart());
  if (!stream.isBeforeIssueAt(input.split)) {
    input.stop();
    push(input.rest(input.split));
    return;
  }
  let taken = 0;
  let lastEnd = input.split;
  const closedAt = input.secondPart((issue) => {
    addDrafted(issue, stream.issues + taken);
    taken++;
    lastEnd = issue.end;
  });
  input.stop();
  if (taken === 0) {
    push(input.rest(input.split));
    return;
  }
  const resumeAt = closedAt ?? lastEnd;
  stream.resumeAfterIssuesAt(resumeAt, taken);
  push(input.rest(resumeAt));
}
