/**
 * Named moments of the history's load (User Timing marks), for a profiler, `npm run bench:ui` and the
 * end-to-end tests to split the wait for the first chart: every part of the history received, and the
 * history decoded. One list, so the page and what reads its marks cannot drift apart.
 */
export const HISTORY_FETCHED = 'flow-metrics:history-fetched';
export const HISTORY_DECODED = 'flow-metrics:history-decoded';
