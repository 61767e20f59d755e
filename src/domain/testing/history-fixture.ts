/**
 * Hand-written issue histories for tests: a board with five statuses and four stages, issues written as a
 * list of moves with readable timestamps, and a fast-check generator of random histories for property
 * tests. Test support only; not exported from the domain's public surface.
 */
import fc from 'fast-check';
import { MS_PER_DAY, MS_PER_HOUR } from '../calendar-day';
import { CompactHistoryBuilder, type CompactHistory, type CompactStatus } from '../compact-history';
import { DEFAULT_CONVENTIONS, resolveConventions, type FlowConventions } from '../conventions';
import { buildFlowTimeline, type FlowTimeline } from '../flow-timeline';
import { parseIsoTimestamp } from '../iso-timestamp';
import { resolveWorkflow, type Workflow } from '../workflow';

export const BOARD_STATUSES: CompactStatus[] = [
  { id: '1', name: 'To Do', category: 'new' },
  { id: '2', name: 'In Progress', category: 'indeterminate' },
  { id: '3', name: 'In Review', category: 'indeterminate' },
  { id: '4', name: 'Done', category: 'done' },
  { id: '5', name: 'Released', category: 'done' },
];

type BoardStatus = 'To Do' | 'In Progress' | 'In Review' | 'Done' | 'Released';

/** Backlog → In Progress (start) → Review → Done (done) → Released. */
export const BOARD_WORKFLOW: Workflow = {
  stages: [
    { name: 'Backlog', statuses: ['To Do'] },
    { name: 'In Progress', statuses: ['In Progress'] },
    { name: 'Review', statuses: ['In Review'] },
    { name: 'Done', statuses: ['Done'] },
    { name: 'Released', statuses: ['Released'] },
  ],
  startStage: 'In Progress',
  doneStage: 'Done',
};

export interface IssueSketch {
  key: string;
  /** ISO date-time with offset; `2025-03-03T09:00Z` style. */
  created: string;
  type?: string;
  initial?: BoardStatus;
  moves?: Array<[at: string, to: BoardStatus]>;
  /** [at, flagged] */
  flags?: Array<[at: string, on: boolean]>;
}

export function at(text: string): number {
  const value = parseIsoTimestamp(text);
  if (Number.isNaN(value)) throw new Error(`bad test timestamp ${text}`);
  return value;
}

export function boardHistory(issues: readonly IssueSketch[]): CompactHistory {
  const builder = new CompactHistoryBuilder();
  const index = new Map(BOARD_STATUSES.map((status) => [status.name, builder.status(status, true)]));
  issues.forEach((issue, i) => {
    builder.addIssue({
      id: String(1000 + i),
      key: issue.key,
      type: issue.type ?? 'Story',
      created: at(issue.created),
      resolved: null,
      initialStatus: index.get(issue.initial ?? 'To Do')!,
      transitions: (issue.moves ?? []).map(([when, to]) => ({ at: at(when), status: index.get(to)! })),
      flags: (issue.flags ?? []).map(([when, on]) => ({ at: at(when), on })),
    });
  });
  return builder.build();
}

/** The timeline of hand-written issues on the board workflow. */
export function boardTimeline(issues: readonly IssueSketch[], now: string, conventions: Partial<FlowConventions> = {}): FlowTimeline {
  const history = boardHistory(issues);
  return buildFlowTimeline(history, resolveWorkflow(BOARD_WORKFLOW, history.statuses), resolveConventions(conventions), at(now));
}

/** When the rework scenario is seen. */
export const REWORK_NOW = '2025-03-10T00:00:00Z';

/**
 * Issues seen at `REWORK_NOW`, for measuring time per status and stage: T-1 waits a day in To Do, works
 * 36 h, is reviewed 12 h, goes back to work for a day and is done (60 h In Progress over two visits); T-2
 * has waited a day and been in progress a day; T-3 is created after now.
 */
export const REWORK_ISSUES: readonly IssueSketch[] = [
  {
    key: 'T-1',
    created: '2025-03-03T00:00Z',
    moves: [
      ['2025-03-04T00:00Z', 'In Progress'],
      ['2025-03-05T12:00Z', 'In Review'],
      ['2025-03-06T00:00Z', 'In Progress'],
      ['2025-03-07T00:00Z', 'Done'],
    ],
  },
  { key: 'T-2', created: '2025-03-08T00:00Z', moves: [['2025-03-09T00:00Z', 'In Progress']] },
  { key: 'T-3', created: '2025-03-11T00:00Z' },
];

export const DAY = MS_PER_DAY;
export const HOUR = MS_PER_HOUR;

/** A random history on the board: issues created over ~60 days, each with up to 12 moves. */
export function arbitraryBoardHistory(maxIssues = 40): fc.Arbitrary<CompactHistory> {
  const issue = fc.record({
    createdAfter: fc.integer({ min: 0, max: 60 * DAY }),
    initial: fc.integer({ min: 0, max: 1 }),
    moves: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 5 * DAY }), to: fc.integer({ min: 0, max: 4 }) }), { maxLength: 12 }),
    flags: fc.array(fc.integer({ min: 0, max: 3 * DAY }), { maxLength: 4 }),
  });
  return fc.array(issue, { minLength: 1, maxLength: maxIssues }).map((sketches) => {
    const builder = new CompactHistoryBuilder();
    const statuses = BOARD_STATUSES.map((status) => builder.status(status, true));
    const base = Date.UTC(2025, 0, 1);
    sketches.forEach((sketch, i) => {
      const created = base + sketch.createdAfter;
      let time = created;
      const transitions = sketch.moves.map((move) => {
        time += move.gap;
        return { at: time, status: statuses[move.to]! };
      });
      let flagTime = created;
      const flags = sketch.flags.map((gap, k) => {
        flagTime += gap;
        return { at: flagTime, on: k % 2 === 0 };
      });
      builder.addIssue({
        id: String(i),
        key: `P-${i + 1}`,
        type: 'Story',
        created,
        resolved: null,
        initialStatus: statuses[sketch.initial]!,
        transitions,
        flags,
      });
    });
    return builder.build();
  });
}

export const ALL_CONVENTION_VARIANTS: FlowConventions[] = (['first', 'last'] as const).flatMap((stageEntry) =>
  (['keep', 'reset'] as const).map((backwardMoves) => ({ ...DEFAULT_CONVENTIONS, stageEntry, backwardMoves })),
);
