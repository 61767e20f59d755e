import { statusVisits, type ExportedIssue } from './jira-export';

/**
 * The page's default conventions, written out once for the end-to-end tests that work figures out of Jira's
 * export (never with the app's code):
 *
 * - the default workflow has one stage per status category: To Do, In Progress, Done;
 * - an item starts when it reaches In Progress (or, skipping it, Done) and is done at its entry into Done; a
 *   reopened item's earlier entry into Done is forgotten, so its final one counts;
 * - days are UTC days, counted inclusively (started and finished on one day: 1 day);
 * - percentiles are nearest-rank;
 * - it counts every issue type but epics and sub-tasks until an admin says otherwise.
 */
export const MS_PER_DAY = 86_400_000;

/** The issue types the page leaves out until an admin says otherwise (the demo site has no sub-task type). */
const LEFT_OUT_BY_DEFAULT: readonly string[] = ['Epic', 'Sub-task', 'Subtask'];

/** Whether the page counts an issue of this type until an admin says otherwise. */
export const countedByDefault = (issue: ExportedIssue) => !LEFT_OUT_BY_DEFAULT.includes(issue.type);

export const dayOf = (ms: number) => Math.floor(ms / MS_PER_DAY);
export const today = () => dayOf(Date.now());

/** Nearest-rank percentile of an ascending sample: the value at rank ⌈p·n/100⌉. */
export const nearestRank = (sorted: readonly number[], p: number) => sorted[Math.max(1, Math.ceil((p * sorted.length) / 100)) - 1]!;
export const ascending = (values: readonly number[]) => [...values].sort((a, b) => a - b);

/** Days from one instant's UTC day to another's, both counted. */
export const inclusiveDays = (from: number, to: number) => dayOf(to) - dayOf(from) + 1;

export interface Measured {
  issue: ExportedIssue;
  /** When it reached In Progress (or, skipping it, Done); null when never started. */
  start: number | null;
  /** The entry into Done that counts; null when not done now. */
  done: number | null;
}

/** The default workflow's stages, by status category. */
const STAGE_OF = { new: 0, indeterminate: 1, done: 2 } as const;

/**
 * Each stage's entry: the first entry counts, except that leaving Done for an earlier stage (a reopened item)
 * forgets the entry into Done, so the final one counts. An item reached a stage when it first entered it or a
 * later one it still holds an entry for.
 */
export function measured(issue: ExportedIssue): Measured {
  const entry: Array<number | null> = [null, null, null];
  let current = -1;
  for (const visit of statusVisits(issue)) {
    const stage = STAGE_OF[visit.category];
    if (stage === current) continue;
    if (current === 2 && stage < 2) entry[2] = null;
    entry[stage] ??= visit.from;
    current = stage;
  }
  const reached = (stage: number) => {
    const later = entry.slice(stage).filter((at): at is number => at !== null);
    return later.length === 0 ? null : Math.min(...later);
  };
  return { issue, start: reached(1), done: current === 2 ? (entry[2] ?? null) : null };
}
