/**
 * The second part of a large export's issue list, read by a thread of its own (list-part-worker.ts) while the
 * command's thread reads the first: from an issue after a comma in the list to the list's closing bracket, each
 * issue built with the command's selection, read and checked by a builder (`JiraHistoryBuilder.draft`), and
 * gathered with its facets into batches for the command's thread (issue-batch.ts), which adds the drafts to the
 * history. At the first problem (bytes that are not JSON or not issues, an issue the builder refuses) the reading
 * stops: the command's thread reads the rest itself, and words the problem as a reading in one thread does.
 */
import { facetsOfJiraIssue, JiraHistoryBuilder } from '../domain';
import { IssueBatchWriter, type IssueBatch } from './issue-batch';
import { issueSelection } from './issue-selection';
import { IssueListStream } from './issue-list-stream';

/**
 * Reads the list from `start` to its closing bracket, posting a batch of the issues read after each piece of
 * the file; returns the offset of the closing bracket.
 * @param chunks the file's bytes from `start` on
 * @param stopped asked before each piece: true when the command's thread no longer wants the part
 * @throws when the bytes from `start` are not issues of a list up to its end, or when stopped (nothing to return)
 */
export function readListPart(
  chunks: Iterable<Uint8Array>,
  start: number,
  flaggedFieldIds: readonly string[],
  post: (batch: IssueBatch) => void,
  stopped: () => boolean = () => false,
): number {
  const batch = new IssueBatchWriter();
  const builder = new JiraHistoryBuilder({ flaggedFieldIds });
  const stream = new IssueListStream(
    issueSelection(flaggedFieldIds),
    (issue, position) => {
      const draft = builder.draft(issue, position);
      const fields = (issue as { fields: Record<string, unknown> }).fields;
      batch.add({ draft, facets: facetsOfJiraIssue(fields), hasResolution: 'resolution' in fields, end: stream.issueEnd });
    },
    start,
  );
  const postRead = () => {
    const issues = batch.take();
    if (issues !== null) post(issues);
  };
  for (const chunk of chunks) {
    if (stopped()) throw new Error('stopped');
    stream.push(chunk);
    postRead();
    if (stream.partClosedAt >= 0) return stream.partClosedAt;
  }
  // The last issue may wait for the end of the input to be read (a value cut by the end of a piece is read again
  // once twice its bytes have come, see IssueListStream.push).
  stream.end();
  postRead();
  return stream.partClosedAt;
}
