import { STATUSES, issueTypeIndex, resolutionIndex, statusIndex } from '../catalogue';
import { ChangeKind, type IssueStore } from '../issue-store';
import { SPRINT_LENGTH_DAYS } from '../site-project';
import { userIndex } from './demo-users';
import type { ProjectBlueprint } from './project-blueprints';
import type { Prng } from './prng';
import { MS_PER_DAY, MS_PER_HOUR } from '../../../src/domain';
import { MINUTE_MS, type WorkCalendar } from './work-calendar';

/**
 * Walks one issue through its project's workflow, from creation to the anchor date, writing each change
 * as Jira would record it: status transitions (with resolution set or cleared), assignments, and the
 * Flagged field going on and off. The walk is where the mess comes from: skipped columns, rework loops,
 * reopened work, work that never starts, work abandoned half-way, and work closed as "won't do".
 */

type Fate = 'normal' | 'neverStarted' | 'rejected' | 'stalled';

export interface LifecycleOptions {
  /** Bounce between two active columns this many times: the rare issue with hundreds of changes. */
  pingPongs?: number;
}

const STORY_POINTS = [1, 2, 3, 5, 8, 13] as const;
const PRIORITY_MIX: readonly (readonly [number, number])[] = [
  [0, 5],
  [1, 20],
  [2, 55],
  [3, 15],
  [4, 5],
];

// Read once into module scope: under test runners that evaluate code in a VM context every global
// look-up (`Math`) is slow, and these sit in the generator's innermost loops.
const { floor, ceil, min, max } = Math;
const NOTHING = Number.NaN;
const { Status: STATUS, Resolution: RESOLUTION, Flag: FLAG, Assignee: ASSIGNEE } = ChangeKind;

// Read once: the generator asks for categories millions of times.
const CATEGORY_OF_STATUS: readonly string[] = STATUSES.map((s) => s.category);
const NAME_OF_STATUS: readonly string[] = STATUSES.map((s) => s.name);
function statusCategory(status: number): string {
  return CATEGORY_OF_STATUS[status] ?? 'undefined';
}
const MINUTE = MINUTE_MS;
const HOUR = MS_PER_HOUR;
const DAY = MS_PER_DAY;

export class IssueLifecycle {
  private readonly path: readonly number[];
  private readonly rejectStatus: number;
  private readonly doneStatus: number;
  private readonly team: readonly number[];
  private readonly types: readonly (readonly [number, number])[];
  private readonly epicType = issueTypeIndex('Epic');
  private readonly resolutions = {
    done: resolutionIndex('Done'),
    wontDo: resolutionIndex("Won't Do"),
    wontFix: resolutionIndex("Won't Fix"),
    duplicate: resolutionIndex('Duplicate'),
    cannotReproduce: resolutionIndex('Cannot Reproduce'),
  };

  constructor(
    private readonly store: IssueStore,
    private readonly projectIndex: number,
    private readonly blueprint: ProjectBlueprint,
    private readonly calendar: WorkCalendar,
    private readonly anchor: number,
    private readonly rng: Prng,
    private readonly sprintOrigin: number,
  ) {
    this.path = blueprint.workflow.map(statusIndex);
    this.doneStatus = this.path[this.path.length - 1] as number;
    this.rejectStatus = blueprint.rejectStatus ? statusIndex(blueprint.rejectStatus) : this.doneStatus;
    this.team = blueprint.team.map((accountId) => {
      const index = userIndex(accountId);
      if (index < 0) throw new Error(`blueprint ${blueprint.key} names an unknown user ${accountId}`);
      return index;
    });
    this.types = blueprint.typeMix.map(([name, weight]) => [issueTypeIndex(name), weight] as const);
  }

  simulate(created: number, options: LifecycleOptions = {}): void {
    const { rng, blueprint, store } = this;
    let pingPongs = options.pingPongs ?? 0;
    let type = rng.weighted(this.types);
    // Rework loops need a column after the first active one, which epics never reach.
    if (pingPongs > 0 && type === this.epicType) type = this.types.find(([t]) => t !== this.epicType)?.[0] ?? type;
    const isEpic = type === this.epicType;
    const estimated = blueprint.style === 'scrum' && !isEpic && rng.chance(0.85);
    const row = store.openIssue({
      project: this.projectIndex,
      type,
      priority: rng.weighted(PRIORITY_MIX),
      created,
      reporter: rng.pick(this.team),
      status: this.path[0] as number,
      storyPoints: estimated ? rng.pick(STORY_POINTS) : 0,
      summarySeed: floor(rng.next() * 0x7fffffff),
    });

    const fate: Fate = pingPongs > 0 ? 'normal' : this.pickFate(isEpic);
    const stallStatus = this.pickActiveStatus();
    let reopens = rng.chance(blueprint.reopen.chance) ? (rng.chance(0.15) ? 2 : 1) : 0;

    let status = this.path[0] as number;
    this.assignee = rng.chance(0.3) ? rng.pick(this.team) : -1;
    let resolution = -1;
    let resolutionDate = NOTHING;
    let flagged = false;
    let t = created;
    this.last = created;

    for (let step = 0; step < 500; step++) {
      const category = statusCategory(status);
      let target: number;
      if (category === 'done') {
        if (reopens === 0) break;
        reopens--;
        target = statusIndex(blueprint.reopen.to);
      } else if (category === 'new' && fate === 'neverStarted') {
        break;
      } else if (category === 'new' && fate === 'rejected') {
        // A bug queue closes some as duplicates or unreproducible, and marks the rest "Won't Fix".
        target = this.rejectStatus !== this.doneStatus && rng.chance(0.4) ? this.doneStatus : this.rejectStatus;
      } else if (fate === 'stalled' && status === stallStatus) {
        if (!flagged && rng.chance(0.5)) {
          const at = this.calendar.advance(t, 1 + rng.next() * 3, rng);
          if (at < this.anchor - 12 * HOUR) {
            this.record(at, this.actor(), [[FLAG, 0, 1]]);
            flagged = true;
          }
        }
        break;
      } else {
        target = this.forwardFrom(status, isEpic, pingPongs > 0);
        if (pingPongs > 0 && status === this.path[this.firstActive() + 1]) {
          target = this.path[this.firstActive()] as number;
          pingPongs--;
        }
      }

      let next = this.nextMoment(t, status, target, isEpic, pingPongs > 0);
      if (next <= this.last + HOUR) next = this.last + HOUR + rng.int(4 * 60) * MINUTE;
      // Nothing is recorded in the last half day before the anchor, so no change can spill past it.
      if (next >= this.anchor - 12 * HOUR) {
        // Still sitting here at the anchor: active work is sometimes blocked right now.
        if (statusCategory(status) === 'indeterminate' && !flagged && rng.chance(blueprint.flagged)) {
          const at = t + rng.next() * (this.anchor - t) * 0.8;
          const snapped = this.calendar.snap(at, rng);
          if (snapped < this.anchor - 12 * HOUR && snapped > this.last) {
            this.record(snapped, this.actor(), [[FLAG, 0, 1]]);
            flagged = true;
          }
        }
        break;
      }

      // Blocked for part of the time spent in an active column.
      const blockedChance = pingPongs > 0 ? 0.5 : blueprint.flagged;
      if (statusCategory(status) === 'indeterminate' && !flagged && rng.chance(blockedChance)) {
        const on = this.calendar.snap(t + (next - t) * (0.15 + rng.next() * 0.35), rng);
        const off = this.calendar.snap(on + (next - on) * (0.5 + rng.next() * 0.45), rng);
        if (on > this.last && off < next) {
          const who = this.actor();
          this.record(on, who, [[FLAG, 0, 1]]);
          this.record(off, who, [[FLAG, 1, 0]]);
        }
      }

      // Someone picks the work up as it becomes active; now and then it changes hands.
      if (statusCategory(target) === 'indeterminate') {
        if (this.assignee < 0 || rng.chance(0.04)) {
          const to = rng.pick(this.team);
          if (to !== this.assignee) {
            this.record(next - (2 + rng.int(40)) * MINUTE, to, [[ASSIGNEE, this.assignee, to]]);
            this.assignee = to;
          }
        }
      }

      const changes: (readonly [ChangeKind, number, number])[] = [[STATUS, status, target]];
      if (statusCategory(target) === 'done') {
        const chosen = this.resolutionFor(target, fate);
        changes.push([RESOLUTION, resolution, chosen]);
        resolution = chosen;
      } else if (resolution >= 0) {
        changes.push([RESOLUTION, resolution, -1]);
        resolution = -1;
      }
      const at = this.record(next, this.actor(), changes);
      if (statusCategory(target) === 'done') resolutionDate = at;
      else resolutionDate = NOTHING;
      status = target;
      t = at;
    }

    store.closeIssue(row, { status, resolution, resolutionDate, assignee: this.assignee, flagged, updated: this.last });
  }

  /** Per-issue walk state, kept on the instance so the hot loop allocates no closures. */
  private last = 0;
  private assignee = -1;

  /** Appends a history, keeping the issue's changes strictly ordered and off holidays. */
  private record(at: number, author: number, changes: (readonly [ChangeKind, number, number])[]): number {
    let when = max(at, this.last + MINUTE);
    if (this.calendar.isHoliday(this.calendar.dayIndex(when))) when = this.calendar.snap(when, this.rng);
    this.store.appendHistory(when, author, changes);
    this.last = when;
    return when;
  }

  private actor(): number {
    return this.assignee >= 0 ? this.assignee : this.rng.pick(this.team);
  }

  private pickFate(isEpic: boolean): Fate {
    const { rng, blueprint } = this;
    if (isEpic) return rng.chance(0.2) ? 'neverStarted' : 'normal';
    const roll = rng.next();
    if (roll < blueprint.neverStarted) return 'neverStarted';
    if (roll < blueprint.neverStarted + blueprint.rejected) return 'rejected';
    if (roll < blueprint.neverStarted + blueprint.rejected + blueprint.stalled) return 'stalled';
    return 'normal';
  }

  private firstActive(): number {
    return this.path.findIndex((s) => statusCategory(s) === 'indeterminate');
  }

  private pickActiveStatus(): number {
    const active = this.path.filter((s) => statusCategory(s) === 'indeterminate');
    return this.rng.pick(active);
  }

  /** Forward one column, or back for rework, or over a column the team sometimes skips. */
  private forwardFrom(status: number, isEpic: boolean, noSkipping: boolean): number {
    const { rng, blueprint, path } = this;
    const name = NAME_OF_STATUS[status] ?? '';
    const position = path.indexOf(status);
    if (isEpic) {
      // Epics are containers: they go straight to active and then straight to done.
      const active = this.firstActive();
      return position < active ? (path[active] as number) : this.doneStatus;
    }
    const back = blueprint.backtrack[name];
    if (back && rng.chance(back.chance)) return statusIndex(back.to);
    let next = position + 1;
    while (next < path.length - 1 && !noSkipping) {
      const skip = blueprint.skip[NAME_OF_STATUS[path[next] as number] ?? ''] ?? 0;
      if (!rng.chance(skip)) break;
      next++;
    }
    return path[min(next, path.length - 1)] as number;
  }

  private nextMoment(t: number, from: number, to: number, isEpic: boolean, pingPonging: boolean): number {
    const { rng, blueprint, calendar } = this;
    const [median, sigma] = blueprint.dwell[NAME_OF_STATUS[from] ?? ''] ?? [2, 0.8];
    let days = pingPonging ? rng.logNormal(0.3, 0.5) : rng.logNormal(median, sigma) * (isEpic ? 5 : 1);
    days = min(days, 400);
    if (blueprint.style !== 'scrum' || isEpic) return calendar.advance(t, days, rng);

    const sprint = SPRINT_LENGTH_DAYS * DAY;
    if (statusCategory(from) === 'new' && statusCategory(to) === 'indeterminate') {
      // Pulled in at a sprint start: the next one, or one a little later.
      const earliest = t + days * DAY * 0.5;
      const index = max(0, ceil((earliest - this.sprintOrigin) / sprint)) + (rng.chance(0.25) ? 1 : 0);
      const start = this.sprintOrigin + index * sprint;
      return calendar.advance(start, rng.next() * 1.5, rng);
    }
    const natural = calendar.advance(t, days, rng);
    if (statusCategory(to) === 'done' && rng.chance(0.45)) {
      // The end-of-sprint rush: much work is marked done on the sprint's last day.
      const index = floor((natural - this.sprintOrigin) / sprint);
      const lastDay = this.sprintOrigin + index * sprint + 11 * DAY + 6 * HOUR;
      return max(natural, calendar.snap(lastDay + rng.next() * 3 * HOUR, rng));
    }
    return natural;
  }

  private resolutionFor(doneStatus: number, fate: Fate): number {
    const { rng, resolutions } = this;
    if (fate !== 'rejected') return resolutions.done;
    if (doneStatus !== this.doneStatus) return resolutions.wontFix;
    if (this.blueprint.rejectStatus) return rng.chance(0.5) ? resolutions.duplicate : resolutions.cannotReproduce;
    return resolutions.wontDo;
  }
}
