import { RANGE_PRESETS } from './range-presets';
import { checkDateRange } from './date-range';
import type { ReportFilters, StageRange, Workflow } from '../../../src/domain';
import { readTabOptions, TAB_OPTION_NAMES, writeTabOptions, type TabOptions } from './tab-options';

/**
 * The page's view in its URL: the filters and the tab, so a link copied from the address bar opens the same
 * view for whoever follows it (who still sees only what Jira lets them browse).
 *
 * Only what differs from the page's defaults is written, in plain words a reader can edit by hand:
 * `?period=90`, `?from=2026-01-01&to=2026-03-31`, `?type=Story&type=Bug` (or `?types=all`), `?tab=cycle-time`,
 * and the facets: `?resolution=Done`, `?label=mobile`, `?component=Payments`, `?parent=FLOW-7` (each repeated
 * for several values; an empty value is "none": `?resolution=` keeps the unresolved items), and the stage range by
 * stage name, each end only where it is not the workflow's own: `?from-stage=In+Review&to-stage=QA`. The tabs'
 * options follow, each from the one list of them (`TAB_OPTION_PARAMETERS`): `?log-scale=on&rolling=20`,
 * `?zoom=2026-01-05..2026-02-01`, `?hide-backlog=on&hide-done=on`, `?aging-day=2026-02-24`, and the forecast's
 * `?sample=90` (or two dates), `?start=…`, `?by=…`, `?items=25`, `?jql=…` or `?epic=FLOW-12`.
 * Reading is forgiving: a value the page cannot use (a period it does not offer, a date that is not one, an
 * issue type the project does not have, a stage the workflow lacks, a tab that does not exist) is left out and
 * named in `ignored`, so the
 * page can say so instead of failing.
 */
export interface PageView {
  filters: ReportFilters;
  /** Index into the page's tabs. */
  tab: number;
  /** How the tabs are set up (see tab-options.ts); none is every tab's default. */
  options?: TabOptions;
}

/** What the page knows when it reads a URL: its defaults and what a value may be. */
export interface PageUrlContext {
  defaults: ReportFilters;
  /** The project's issue types, as the filters offer them. */
  issueTypes: readonly string[];
  /** The tabs' names in the URL, in the page's order (see `tabSlug`). */
  tabs: readonly string[];
  /** Today in the site's time zone (`YYYY-MM-DD`): a custom period ends no later. */
  today: string;
  /** The values each facet has in this project ('' for none); null when the stored history holds no facets. */
  facetValues: FacetValues | null;
  /** The project's workflow: a stage range names its stages, and ends where it is not the workflow's own. */
  workflow: StageWorkflow;
}

/** What the URL needs of a workflow: its stages in order, and its own start and done stages. */
type StageWorkflow = { stages: readonly Pick<Workflow['stages'][number], 'name'>[] } & Pick<Workflow, 'startStage' | 'doneStage'>;

/** The stage range's two ends in the URL. */
const STAGE_PARAMETERS = { from: 'from-stage', to: 'to-stage' } as const;

/**
 * The facet filters: their parameter in the URL, and how the page names them (the filter's title, and how its
 * "none" reads) in the filter bar and on an exported image.
 */
export const FACET_PARAMETERS = [
  { facet: 'resolutions', parameter: 'resolution', noun: 'resolution', title: 'Resolution', none: 'Unresolved' },
  { facet: 'labels', parameter: 'label', noun: 'label', title: 'Labels', none: 'No label' },
  { facet: 'components', parameter: 'component', noun: 'component', title: 'Components', none: 'No component' },
  { facet: 'parents', parameter: 'parent', noun: 'parent', title: 'Parent', none: 'No parent' },
] as const;

export type FacetName = (typeof FACET_PARAMETERS)[number]['facet'];
type FacetValues = Record<FacetName, readonly string[]>;

export interface ReadPageView {
  view: PageView;
  /** One plain sentence per value left out, for the notice the page shows. */
  ignored: string[];
}

/** A tab's name in the URL: "Cycle time" is `cycle-time`. */
export function tabSlug(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

const ALL_TYPES = 'all';

/** The search part (`?…`, or '' for the defaults) that `readPageView` reads back as `view`. */
export function pageSearch(view: PageView, context: Pick<PageUrlContext, 'defaults' | 'tabs' | 'workflow'>): string {
  const params = new URLSearchParams();
  const { filters } = view;
  if (filters.customRange) {
    params.set('from', filters.customRange.from);
    params.set('to', filters.customRange.to);
  } else if (filters.rangeDays !== context.defaults.rangeDays && filters.rangeDays !== null) {
    params.set('period', String(filters.rangeDays));
  }
  if (!sameTypes(filters.issueTypes, context.defaults.issueTypes)) {
    if (filters.issueTypes.length === 0) params.set('types', ALL_TYPES);
    for (const type of filters.issueTypes) params.append('type', type);
  }
  for (const { facet, parameter } of FACET_PARAMETERS) for (const value of filters[facet] ?? []) params.append(parameter, value);
  if (filters.stageRange) {
    if (filters.stageRange.from !== context.workflow.startStage) params.set(STAGE_PARAMETERS.from, filters.stageRange.from);
    if (filters.stageRange.to !== context.workflow.doneStage) params.set(STAGE_PARAMETERS.to, filters.stageRange.to);
  }
  if (view.tab > 0 && view.tab < context.tabs.length) params.set('tab', context.tabs[view.tab]!);
  if (view.options) writeTabOptions(view.options, params);
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}

/** The parameters `readPageView` reads. */
const VIEW_PARAMETERS: readonly string[] = [
  'period',
  'from',
  'to',
  'type',
  'types',
  'tab',
  ...FACET_PARAMETERS.map(({ parameter }) => parameter),
  STAGE_PARAMETERS.from,
  STAGE_PARAMETERS.to,
  ...TAB_OPTION_NAMES,
];

/**
 * Whether a URL's search part names a view other than the page's opening one (the first tab with the
 * default filters): such a link must open that view, which needs the whole history, while a plain link may
 * open on the Overview's figures, computed for the default filters only.
 */
export function namesAView(search: string, tabs: readonly string[]): boolean {
  const params = new URLSearchParams(search);
  return [...params.keys()].some((name) => VIEW_PARAMETERS.includes(name) && !(name === 'tab' && params.get('tab') === tabs[0]));
}

/** The view a URL's search part asks for: the defaults, changed by every value the page can use. */
export function readPageView(search: string, context: PageUrlContext): ReadPageView {
  const params = new URLSearchParams(search);
  const ignored: string[] = [];
  const filters: ReportFilters = { ...context.defaults };

  const from = params.get('from');
  const to = params.get('to');
  const period = params.get('period');
  if (from !== null || to !== null) {
    const check = checkDateRange(from ?? '', to ?? '', context.today);
    if (check.ok) filters.customRange = check.range;
    else ignored.push(`The period from the link was left out: ${check.message}`);
    if (period !== null) ignored.push('The link names both dates and a period; the dates were used.');
  } else if (period !== null) {
    const preset = RANGE_PRESETS.find((candidate) => candidate.days !== null && String(candidate.days) === period);
    if (preset) filters.rangeDays = preset.days;
    else ignored.push(`"${period}" is not a period the page offers (${offeredPeriods()}); the default period is shown.`);
  }

  const types = params.getAll('type');
  if (params.get('types') === ALL_TYPES) {
    filters.issueTypes = [];
  } else if (params.has('types')) {
    ignored.push(`"types=${params.get('types')}" was not understood; write "types=all" or name each type with "type=".`);
  }
  if (types.length > 0) {
    const known = types.filter((type) => context.issueTypes.includes(type));
    const unknown = types.filter((type) => !context.issueTypes.includes(type));
    if (unknown.length > 0)
      ignored.push(`This project has no issue type ${unknown.map((type) => `"${type}"`).join(', ')}; it was left out.`);
    if (known.length > 0) filters.issueTypes = context.issueTypes.filter((type) => known.includes(type));
  }

  readFacets(params, context.facetValues, filters, ignored);
  const stageRange = readStageRange(params, context.workflow, ignored);
  if (stageRange) filters.stageRange = stageRange;

  let tab = 0;
  const tabName = params.get('tab');
  if (tabName !== null) {
    const index = context.tabs.indexOf(tabName);
    if (index >= 0) tab = index;
    else ignored.push(`The page has no tab "${tabName}"; the first tab is shown.`);
  }
  const options = readTabOptions(params, context, ignored);
  return { view: options === null ? { filters, tab } : { filters, tab, options }, ignored };
}

/** The facet values the URL names that the project has; the others are named in `ignored`. */
function readFacets(params: URLSearchParams, known: FacetValues | null, filters: ReportFilters, ignored: string[]): void {
  const asked = FACET_PARAMETERS.filter(({ parameter }) => params.has(parameter));
  if (asked.length === 0) return;
  if (known === null) {
    ignored.push(
      `This project's stored history does not hold ${asked.map(({ facet }) => facet).join(', ')} yet (they are read with its next full sync); those filters were left out.`,
    );
    return;
  }
  for (const { facet, parameter, noun } of asked) {
    const values = [...new Set(params.getAll(parameter))];
    const unknown = values.filter((value) => !known[facet].includes(value));
    if (unknown.length > 0)
      ignored.push(`No item of this project has the ${noun} ${unknown.map((value) => `"${value}"`).join(', ')}; it was left out.`);
    const kept = values.filter((value) => known[facet].includes(value));
    if (kept.length > 0) filters[facet] = kept;
  }
}

/**
 * The stage range the URL names: an end it leaves out is the workflow's own. Null when it names none, when
 * it names the workflow's own range, or when it cannot be measured (said in `ignored`).
 */
function readStageRange(params: URLSearchParams, workflow: StageWorkflow, ignored: string[]): StageRange | null {
  const fromName = params.get(STAGE_PARAMETERS.from);
  const toName = params.get(STAGE_PARAMETERS.to);
  if (fromName === null && toName === null) return null;
  const stages = workflow.stages.map((stage) => stage.name);
  const range = { from: fromName ?? workflow.startStage, to: toName ?? workflow.doneStage };
  const unknown = [range.from, range.to].filter((name) => !stages.includes(name));
  if (unknown.length > 0) {
    const named = [...new Set(unknown)].map((name) => `"${name}"`).join(', ');
    ignored.push(`The workflow has no stage ${named} (its stages are ${stages.join(', ')}); the stage range was left out.`);
    return null;
  }
  if (stages.indexOf(range.to) <= stages.indexOf(range.from)) {
    ignored.push(`The stage range from the link ends at "${range.to}", which is not after "${range.from}"; it was left out.`);
    return null;
  }
  return range.from === workflow.startStage && range.to === workflow.doneStage ? null : range;
}

function offeredPeriods(): string {
  return RANGE_PRESETS.flatMap((preset) => (preset.days === null ? [] : [String(preset.days)])).join(', ');
}

function sameTypes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((type) => b.includes(type));
}
