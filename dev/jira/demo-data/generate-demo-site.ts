import { ISSUE_TYPES, STATUSES, issueTypeIndex, statusIndex } from '../catalogue';
import { SECURITY_LEVELS } from '../issue-security';
import { IssueStore } from '../issue-store';
import type { SiteProject } from '../site-project';
import { IssueLifecycle } from './issue-lifecycle';
import { DEMO_BLUEPRINTS, MAX_BIG_PROJECT_ISSUES, bigProject, type ProjectBlueprint } from './project-blueprints';
import { Prng, deriveSeed } from './prng';
import { MS_PER_DAY, MS_PER_HOUR } from '../../../src/domain';
import { WorkCalendar } from './work-calendar';

/**
 * Builds the demo site's issues: three projects with different workflows over about eighteen months up to
 * an anchor date, plus an optional large project for scale work. Same seed and anchor, same site, byte for
 * byte; each project draws from its own seeded stream, so adding the large project changes nothing else.
 */
// Read once into module scope: under test runners that evaluate code in a VM context every global
// look-up (`Math`) is slow, and these sit in the generator's innermost loops.
const { floor, min } = Math;

export interface DemoDataOptions {
  seed?: number;
  /** The anchor: the data ends here. Default: the start of the current UTC day. */
  now?: Date;
  /** Adds project BIG with this many issues (at most 200,000). */
  bigProjectIssues?: number;
}

export interface DemoData {
  store: IssueStore;
  seed: number;
  /** Milliseconds: the data's end. */
  anchor: number;
  /** Milliseconds: the data's start, about eighteen months before the anchor. */
  windowStart: number;
}

const DEFAULT_SEED = 1729;
export const DEMO_WINDOW_DAYS = 548;

export function startOfUtcDay(ms: number): number {
  return floor(ms / MS_PER_DAY) * MS_PER_DAY;
}

export function generateDemoData(options: DemoDataOptions = {}): DemoData {
  const seed = options.seed ?? DEFAULT_SEED;
  const anchor = options.now ? options.now.getTime() : startOfUtcDay(Date.now());
  if (!Number.isFinite(anchor)) throw new Error('the anchor date is not a valid date');
  const bigIssues = options.bigProjectIssues ?? 0;
  if (!Number.isInteger(bigIssues) || bigIssues < 0 || bigIssues > MAX_BIG_PROJECT_ISSUES) {
    throw new Error(`bigProjectIssues must be an integer from 0 to ${MAX_BIG_PROJECT_ISSUES}`);
  }

  const windowStart = startOfUtcDay(anchor) - DEMO_WINDOW_DAYS * MS_PER_DAY;
  const calendar = new WorkCalendar(windowStart, anchor);
  const blueprints = bigIssues > 0 ? [...DEMO_BLUEPRINTS, bigProject(bigIssues)] : DEMO_BLUEPRINTS;
  const store = new IssueStore();
  for (const blueprint of blueprints) generateProject(store, blueprint, calendar, seed, anchor);
  return { store, seed, anchor, windowStart };
}

function generateProject(store: IssueStore, blueprint: ProjectBlueprint, calendar: WorkCalendar, seed: number, anchor: number) {
  const rng = new Prng(deriveSeed(seed, blueprint.key));
  const sprintOrigin = firstMondayMorning(calendar);
  const statuses = blueprint.workflow.map(statusIndex);
  if (blueprint.rejectStatus) statuses.push(statusIndex(blueprint.rejectStatus));
  const usedTypes = new Set(blueprint.typeMix.map(([name]) => issueTypeIndex(name)));
  const project: SiteProject = {
    id: blueprint.id,
    key: blueprint.key,
    name: blueprint.name,
    leadAccountId: blueprint.leadAccountId,
    style: blueprint.style,
    projectTypeKey: blueprint.projectTypeKey,
    statuses,
    issueTypes: ISSUE_TYPES.map((_, index) => index).filter((index) => usedTypes.has(index)),
    outsidersMayBrowse: blueprint.outsidersMayBrowse,
    ...(blueprint.securityBugEvery ? { issueSecurity: true } : {}),
    ...(blueprint.components ? { components: blueprint.components } : {}),
    ...(blueprint.style === 'scrum' ? { sprintOrigin } : {}),
  };
  const projectIndex = store.addProject(project);
  const lifecycle = new IssueLifecycle(store, projectIndex, blueprint, calendar, anchor, rng, sprintOrigin);
  const arrivals = arrivalTimes(blueprint, calendar, anchor, rng, sprintOrigin);
  const pingPongAt = pingPongIssues(blueprint.issueCount);
  const firstRow = store.issueCount;
  for (let k = 0; k < arrivals.length; k++) {
    lifecycle.simulate(arrivals[k] as number, { pingPongs: pingPongAt.get(k) ?? 0 });
  }
  if (blueprint.securityBugEvery) secureSomeBugs(store, firstRow, blueprint.securityBugEvery);
  fileWorkUnderEpics(store, firstRow);
}

/**
 * Files two in three of a project's stories, tasks and bugs under the epic created last before them, as
 * teams group work into epics (a project without epics, like the bug queue, files nothing). Drawn from no
 * random numbers, so the rest of the demo data is the same with or without it.
 */
function fileWorkUnderEpics(store: IssueStore, firstRow: number): void {
  const epic = issueTypeIndex('Epic');
  let currentEpic = -1;
  for (let row = firstRow; row < store.issueCount; row++) {
    if (store.type.get(row) === epic) currentEpic = row;
    else if (currentEpic >= 0 && (row - firstRow) % 3 !== 0) store.setParent(row, currentEpic);
  }
}

/**
 * Marks every `every`'th bug of the rows from `firstRow` on as a security bug, secured from its creation, and the
 * newest bug not yet done too: a vulnerability still open, which a count of unfinished work (the forecast's
 * remaining work) must leave out for those the level does not admit. Drawn from no random numbers, so the rest of
 * the demo data is the same with or without it.
 */
function secureSomeBugs(store: IssueStore, firstRow: number, every: number): void {
  const bug = issueTypeIndex('Bug');
  const level = Number(SECURITY_LEVELS[0]!.id);
  let bugs = 0;
  let newestUnfinished = -1;
  for (let row = firstRow; row < store.issueCount; row++) {
    if (store.type.get(row) !== bug) continue;
    if (bugs++ % every === every - 1) store.setSecurityLevel(row, level, null);
    if (STATUSES[store.status.get(row)]?.category !== 'done') newestUnfinished = row;
  }
  if (newestUnfinished >= 0) store.setSecurityLevel(newestUnfinished, level, null);
}

/**
 * A few early issues bounce between two columns for months: they end up with well over 100 changes,
 * which is where Jira's embedded changelog stops and an app has to page.
 */
function pingPongIssues(issueCount: number): Map<number, number> {
  const result = new Map<number, number>();
  result.set(floor(issueCount * 0.02), 58);
  result.set(floor(issueCount * 0.05), 75);
  for (let k = 25_000; k < issueCount; k += 25_000) result.set(k, 60);
  return result;
}

function firstMondayMorning(calendar: WorkCalendar): number {
  let day = 0;
  while (new Date(calendar.dayStart(day)).getUTCDay() !== 1) day++;
  return calendar.dayStart(day) + 9 * MS_PER_HOUR;
}

/**
 * Creation times, ascending (so keys rise with time, as in Jira): weekdays busy, weekends quiet, holidays
 * silent, a gentle growth over the window, bursts after releases or at planning, and for scrum teams a
 * spike at each sprint start. Stratified sampling keeps the times sorted without a sort.
 */
function arrivalTimes(blueprint: ProjectBlueprint, calendar: WorkCalendar, anchor: number, rng: Prng, sprintOrigin: number): Float64Array {
  const days = calendar.dayIndex(anchor - 1) + 1;
  const weights = new Float64Array(days);
  const burst = new Float64Array(days).fill(1);
  for (let b = 0; b < blueprint.bursts; b++) {
    const start = rng.int(days);
    const length = rng.between(3, 8);
    const factor = 2.2 + rng.next() * 1.6;
    for (let d = start; d < min(days, start + length); d++) burst[d] = factor;
  }
  let total = 0;
  for (let d = 0; d < days; d++) {
    const base = calendar.isHoliday(d) ? 0 : calendar.isWeekend(d) ? 0.07 : 1;
    const growth = 0.8 + (0.4 * d) / days;
    let weight = base * growth * (burst[d] as number);
    if (blueprint.style === 'scrum' && base > 0) {
      const sinceOrigin = calendar.dayStart(d) - (sprintOrigin - 9 * MS_PER_HOUR);
      if (sinceOrigin >= 0 && floor(sinceOrigin / MS_PER_DAY) % 14 === 0) weight *= 3;
    }
    weights[d] = weight;
    total += weight;
  }

  const count = blueprint.issueCount;
  const result = new Float64Array(count);
  let day = 0;
  let before = 0;
  for (let k = 0; k < count; k++) {
    const target = ((k + rng.next()) / count) * total;
    while (day < days - 1 && before + (weights[day] as number) <= target) {
      before += weights[day] as number;
      day++;
    }
    const weight = weights[day] as number;
    const within = weight > 0 ? min(0.999, (target - before) / weight) : 0;
    // Spread over office hours; weekend arrivals are the odd evening report.
    result[k] = calendar.dayStart(day) + 8 * MS_PER_HOUR + floor(within * 10 * MS_PER_HOUR);
  }
  return result;
}
