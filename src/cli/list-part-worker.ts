/**
 * The thread that reads the second part of a large export's issue list (compiled into
 * cli/build/flow-metrics-list-part.js): see list-part-thread.ts, which starts it and takes its batches.
 */
import { workerData } from 'node:worker_threads';
import { readOpenFileChunks } from './file-chunks';
import { readListPart } from './list-part';
import { postListPart, type ListPartThreadData } from './list-part-messages';

const data = workerData as ListPartThreadData;
postListPart(data, (post, stopped) =>
  readListPart(readOpenFileChunks(data.fd, undefined, { start: data.start }), data.start, data.flaggedFieldIds, post, stopped),
);
