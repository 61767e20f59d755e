/**
 * Each item's journey through the workflow's stages, under the chosen conventions: the one pass over the
 * history that every metric reads from.
 *
 * For every item it computes, as of `now`:
 * - the date the item entered each stage ("stage entry"), under the stage-entry and backward-move rules;
 * - the date it *reached* each stage: the earliest entry into that stage or any later one. This is the date
 *   cumulative flow uses, and it implements "an item that skips the start stage is started when it first
 *   enters any later stage". It also guarantees that an item never reaches a stage after a later one, so
 *   cumulative-flow lines never cross;
 * - start (reached the start stage) and done (reached the done stage, and is still there);
 * - whether a done item was discarded (it sits in a status the workflow marks so) rather than delivered;
 * - the same as calendar days in the report's time zone.
 *
 * Rules, in the order they apply on each move from stage `cur` to stage `s`:
 * 1. A move between two statuses of the same stage is not a stage entry.
 * 2. Leaving the done region (done stage and beyond) for an earlier stage wipes the done-region dates, always:
 *    the item is no longer done, and its final entry into done will count.
 * 3. With `backwardMoves: 'reset'`, any move back wipes the dates of every stage after `s`.
 * 4. Entering `s`: with `stageEntry: 'first'` its date is set only if it has none; with `'last'` always.
 * Transitions after `now` are ignored and items created after `now` are left out, so a report "as of" a past
 * date is what the board showed then.
 *
 * Everything is stored in typed arrays (item-major, `index * stageCount + stage`) and computed in one pass:
 * no per-item objects, no Date, and a time-zone lookup only per item and stage, never per transition.
 */
import { NO_DAY, type DayNumber } from './calendar-day';
import { issueCount, type CompactHistory, type CompactStatus } from './compact-history';
import type { FlowConventions } from './conventions';
import { ZonedDays } from './time-zone';
import type { ResolvedWorkflow } from './workflow';

export interface FlowTimeline {
  readonly history: CompactHistory;
  readonly workflow: ResolvedWorkflow;
  readonly conventions: FlowConventions;
  /** Epoch ms the timeline was computed as of. */
  readonly now: number;
  readonly nowDay: DayNumber;
  readonly zone: ZonedDays;
  readonly itemCount: number;
  readonly stageCount: number;
  /** 1 when the item existed at `now`. */
  readonly included: Uint8Array;
  /** Per item: index of the first transition after `now` (transitions before it are in effect). */
  readonly transitionEnd: Int32Array;
  /** Per item: status dictionary index at `now`. */
  readonly currentStatus: Int32Array;
  readonly currentStage: Int16Array;
  /** Per item and stage: epoch ms of the entry that counts, NaN when none. */
  readonly stageEntry: Float64Array;
  /** Per item and stage: epoch ms the item reached this stage or a later one, NaN when it has not. */
  readonly reached: Float64Array;
  readonly reachedDay: Int32Array;
  /** Epoch ms; NaN when not started / not done. */
  readonly start: Float64Array;
  readonly done: Float64Array;
  readonly createdDay: Int32Array;
  readonly startDay: Int32Array;
  /** The day the item left work in progress for done, delivered or discarded (see `deliveredDay`). */
  readonly doneDay: Int32Array;
  /** 1 when the item is done in a status, or with a resolution, that means discarded: finished, but not delivered. */
  readonly discarded: Uint8Array;
  /**
   * The done day of delivered items only; NO_DAY for discarded ones. Throughput, cycle time and the items
   * "done in a window" read this: discarded work is not delivery, and its short times would flatter both.
   */
  readonly deliveredDay: Int32Array;
}

/** An item is in a status the workflow does not place in any stage. */
export class UnmappedStatusError extends Error {
  constructor(
    readonly issueIndex: number,
    readonly issueKey: string,
    readonly statusIndex: number,
    readonly status: CompactStatus,
  ) {
    super(
      `${issueKey}: status "${status.name}"${status.id === null ? '' : ` (id ${status.id})`} is not mapped to any stage of the workflow`,
    );
    this.name = 'UnmappedStatusError';
  }
}

/** @throws UnmappedStatusError when an item passes through a status no stage lists. */
export function buildFlowTimeline(
  history: CompactHistory,
  workflow: ResolvedWorkflow,
  conventions: FlowConventions,
  now: number,
): FlowTimeline {
  const n = issueCount(history);
  const stageCount = workflow.stageNames.length;
  const { startStage, doneStage, stageOfStatus } = workflow;
  const reset = conventions.backwardMoves === 'reset';
  const last = conventions.stageEntry === 'last';
  const zone = new ZonedDays(conventions.timeZone);

  const included = new Uint8Array(n);
  const transitionEnd = new Int32Array(n);
  const currentStatus = new Int32Array(n).fill(-1);
  const currentStage = new Int16Array(n).fill(-1);
  const stageEntry = new Float64Array(n * stageCount).fill(NaN);
  const reached = new Float64Array(n * stageCount).fill(NaN);
  const reachedDay = new Int32Array(n * stageCount).fill(NO_DAY);
  const start = new Float64Array(n).fill(NaN);
  const done = new Float64Array(n).fill(NaN);
  const createdDay = new Int32Array(n).fill(NO_DAY);
  const startDay = new Int32Array(n).fill(NO_DAY);
  const doneDay = new Int32Array(n).fill(NO_DAY);
  const discarded = new Uint8Array(n);
  const deliveredDay = new Int32Array(n).fill(NO_DAY);
  const { discardedStatus } = workflow;
  // Per resolution of the history's facets: 1 when it means discarded.
  const facets = history.facets;
  const discardedResolution = facets
    ? Uint8Array.from(facets.resolutions, (name) => (workflow.discardedResolutions.has(name.trim().toLowerCase()) ? 1 : 0))
    : null;

  const { created, initialStatus, transitionOffset, transitionAt, transitionStatus } = history;
  const noDay = NO_DAY;
  const stageOf = (issue: number, status: number): number => {
    const stage = stageOfStatus[status];
    if (stage === undefined || stage < 0) {
      throw new UnmappedStatusError(
        issue,
        history.key[issue]!,
        status,
        history.statuses[status] ?? { id: null, name: `#${status}`, category: null },
      );
    }
    return stage;
  };

  for (let i = 0; i < n; i++) {
    const createdAt = created[i]!;
    let j = transitionOffset[i]!;
    if (!(createdAt <= now)) {
      transitionEnd[i] = j;
      continue;
    }
    included[i] = 1;
    createdDay[i] = zone.dayOf(createdAt);
    const base = i * stageCount;
    let status = initialStatus[i]!;
    let cur = stageOf(i, status);
    stageEntry[base + cur] = createdAt;
    const end = transitionOffset[i + 1]!;
    for (; j < end; j++) {
      const at = transitionAt[j]!;
      if (at > now) break;
      status = transitionStatus[j]!;
      const next = stageOf(i, status);
      if (next === cur) continue;
      if (next < cur) {
        // Plain loops rather than fill(): the ranges are a few stages long and this runs per backward move.
        if (cur >= doneStage && next < doneStage) for (let k = base + doneStage; k < base + stageCount; k++) stageEntry[k] = NaN;
        if (reset) for (let k = base + next + 1; k < base + stageCount; k++) stageEntry[k] = NaN;
      }
      const previous = stageEntry[base + next]!;
      if (last || Number.isNaN(previous)) stageEntry[base + next] = at;
      cur = next;
    }
    transitionEnd[i] = j;
    currentStatus[i] = status;
    currentStage[i] = cur;

    let earliest = NaN;
    let earliestDay = noDay;
    for (let k = stageCount - 1; k >= 0; k--) {
      const entry = stageEntry[base + k]!;
      if (!Number.isNaN(entry) && !(earliest <= entry)) {
        earliest = entry;
        earliestDay = zone.dayOf(entry);
      }
      if (!Number.isNaN(earliest)) {
        reached[base + k] = earliest;
        reachedDay[base + k] = earliestDay;
      }
    }
    start[i] = reached[base + startStage]!;
    startDay[i] = reachedDay[base + startStage]!;
    if (cur >= doneStage) {
      done[i] = reached[base + doneStage]!;
      doneDay[i] = reachedDay[base + doneStage]!;
      const resolution = facets?.resolution[i] ?? -1;
      if (discardedStatus[status] === 1 || (resolution >= 0 && discardedResolution![resolution] === 1)) discarded[i] = 1;
      else deliveredDay[i] = doneDay[i]!;
    }
  }

  return {
    history,
    workflow,
    conventions,
    now,
    nowDay: zone.dayOf(now),
    zone,
    itemCount: n,
    stageCount,
    included,
    transitionEnd,
    currentStatus,
    currentStage,
    stageEntry,
    reached,
    reachedDay,
    start,
    done,
    createdDay,
    startDay,
    doneDay,
    discarded,
    deliveredDay,
  };
}

/** Whether item i is started and not done at `now` (work in progress). */
export function isInProgress(timeline: FlowTimeline, item: number): boolean {
  return timeline.startDay[item] !== NO_DAY && timeline.doneDay[item] === NO_DAY;
}
