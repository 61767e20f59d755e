/**
 * Synthetic Jira projects for the benchmark: seeded, deterministic, in the compact history format the app
 * stores (columns of plain arrays), so the benchmark measures what a resolver or the browser does with a
 * stored project. Issues arrive evenly over three years and walk a seven-status workflow with rework
 * (backward moves), skipped statuses, abandoned and reopened items and flags, about ten status changes each.
 */
import {
  COMPACT_HISTORY_FORMAT,
  createSeededRandom,
  MS_PER_DAY,
  type CompactHistory,
  type CompactStatus,
  type Workflow,
} from '../src/domain';

const SYNTHETIC_STATUSES: CompactStatus[] = [
  { id: '1', name: 'Backlog', category: 'new' },
  { id: '2', name: 'Selected for Development', category: 'new' },
  { id: '3', name: 'In Progress', category: 'indeterminate' },
  { id: '4', name: 'In Review', category: 'indeterminate' },
  { id: '5', name: 'QA', category: 'indeterminate' },
  { id: '6', name: 'Done', category: 'done' },
  { id: '7', name: "Won't Do", category: 'done' },
];

/** The synthetic statuses as a team would measure them: work starts In Progress, "Won't Do" is discarded. */
export const SYNTHETIC_WORKFLOW: Workflow = {
  stages: [
    { name: 'Backlog', statuses: ['Backlog'] },
    { name: 'Selected', statuses: ['Selected for Development'] },
    { name: 'In Progress', statuses: ['In Progress'] },
    { name: 'In Review', statuses: ['In Review'] },
    { name: 'QA', statuses: ['QA'] },
    { name: 'Done', statuses: ['Done', "Won't Do"] },
  ],
  startStage: 'In Progress',
  doneStage: 'Done',
  discardedStatuses: ["Won't Do"],
};

const DONE = 5;
const WONT_DO = 6;

export interface SyntheticOptions {
  seed?: number;
  /** The last instant of the project's history. */
  end?: number;
  days?: number;
}

/** The synthetic history's issue types, in the order its items' type numbers index. */
export const SYNTHETIC_ISSUE_TYPES: readonly string[] = ['Story', 'Bug', 'Task'];

export const SYNTHETIC_END = Date.UTC(2026, 0, 31);

export function generateSyntheticHistory(issues: number, options: SyntheticOptions = {}): CompactHistory {
  const random = createSeededRandom(options.seed ?? 42);
  const end = options.end ?? SYNTHETIC_END;
  const days = options.days ?? 1095;
  const begin = end - days * MS_PER_DAY;
  const issueId: string[] = [];
  const key: string[] = [];
  const type: number[] = [];
  const created: number[] = [];
  const resolved: (number | null)[] = [];
  const initialStatus: number[] = [];
  const transitionOffset: number[] = [0];
  const transitionAt: number[] = [];
  const transitionStatus: number[] = [];
  const flagOffset: number[] = [0];
  const flagAt: number[] = [];
  const flagOn: number[] = [];
  // Mean gap between status changes: a few hours to a few days.
  const gap = () => -Math.log(1 - random.next()) * (0.4 + random.next() * 1.6) * MS_PER_DAY;

  for (let i = 0; i < issues; i++) {
    const createdAt = Math.floor(begin + (i / issues) * (end - begin) + random.next() * 3_600_000);
    issueId.push(String(100000 + i));
    key.push(`SYN-${i + 1}`);
    type.push(random.next() < 0.7 ? 0 : random.next() < 0.8 ? 1 : 2);
    created.push(createdAt);
    initialStatus.push(0);
    let status = 0;
    let at = createdAt;
    let resolvedAt: number | null = null;
    const changes = 6 + random.nextInt(9); // 6..14, about 10
    for (let c = 0; c < changes; c++) {
      at += gap();
      if (at > end) break;
      let next: number;
      const roll = random.next();
      if (status === DONE || status === WONT_DO)
        next = roll < 0.5 ? 2 : 4; // reopened
      else if (status === 0)
        next = roll < 0.85 ? 1 : roll < 0.95 ? 2 : WONT_DO; // some skip "Selected"
      else if (status === 1)
        next = roll < 0.9 ? 2 : 0; // some go back to the backlog
      else if (roll < 0.3)
        next = status - 1; // rework
      else if (roll < 0.32 && status === 2)
        next = 0; // abandoned
      else next = status + 1 === WONT_DO ? DONE : status + 1;
      if (c === changes - 1 && next !== DONE && random.next() < 0.8) next = DONE;
      transitionAt.push(at);
      transitionStatus.push(next);
      resolvedAt = next === DONE || next === WONT_DO ? at : null;
      status = next;
      if (next === 3 && random.next() < 0.1) {
        const flaggedFrom = at + 3_600_000;
        const flaggedTo = flaggedFrom + random.next() * 2 * MS_PER_DAY;
        if (flaggedTo < end) {
          flagAt.push(flaggedFrom, flaggedTo);
          flagOn.push(1, 0);
        }
      }
    }
    resolved.push(resolvedAt);
    transitionOffset.push(transitionAt.length);
    flagOffset.push(flagAt.length);
  }
  return {
    format: COMPACT_HISTORY_FORMAT,
    statuses: SYNTHETIC_STATUSES.map((status) => ({ ...status })),
    issueTypes: [...SYNTHETIC_ISSUE_TYPES],
    issueId,
    key,
    type,
    created,
    resolved,
    initialStatus,
    transitionOffset,
    transitionAt,
    transitionStatus,
    flagOffset,
    flagAt,
    flagOn,
  };
}
