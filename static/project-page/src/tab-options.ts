import { useCallback, useState } from 'react';
import { isoDateToDay, MIN_SAMPLING_DAYS } from '../../../src/domain';
import { checkItemCount, checkRemainingWorkQuery, checkStartDate, checkTargetDate, MAX_FORECAST_ITEMS } from './views/forecast-questions';
import type { RemainingWork } from './views/RemainingWorkField';
import { ROLLING_WINDOWS } from './views/rolling-cycle-time';

/**
 * How the reader set up the tabs beyond the filters: the scatterplot's scale, rolling line and zoom, what the
 * cumulative flow diagram hides, the day the aging is seen on, and the forecast's settings and questions. They
 * are part of the page's URL (see page-url.ts), so a link reproduces the view as the reader saw it.
 */
export interface TabOptions {
  /** Cycle time: the scatterplot's logarithmic scale. */
  logScale: boolean;
  /** Cycle time: the items in the rolling percentile's window, or null for no rolling line. */
  rolling: number | null;
  /** Cycle time: the dates the scatterplot is zoomed to (`YYYY-MM-DD`, both included), or null for the whole period. */
  zoom: { from: string; to: string } | null;
  /** Flow: the cumulative flow diagram leaves out the backlog. */
  hideBacklog: boolean;
  /** Flow: the cumulative flow diagram leaves out done work. */
  hideDone: boolean;
  /** Aging: the past day the aging is seen on, or null for today. */
  agingDay: string | null;
  /** Forecast: the days whose throughput is sampled, or null for the project's setting. */
  sampling: { lastDays: number } | { from: string; to: string } | null;
  /** Forecast: the first day of the forecast's work, or null for today. */
  start: string | null;
  /** Forecast: "how many items by" this date, or null for the configured question. */
  by: string | null;
  /** Forecast: "when will this many items be done", or null for the configured question. */
  items: number | null;
  /** Forecast: the remaining work counted by Jira from a JQL query of the project, or from an epic. */
  remaining: RemainingWork | null;
}

export const DEFAULT_TAB_OPTIONS: TabOptions = {
  logScale: false,
  rolling: null,
  zoom: null,
  hideBacklog: false,
  hideDone: false,
  agingDay: null,
  sampling: null,
  start: null,
  by: null,
  items: null,
  remaining: null,
};

/** Changes some of the tab options, keeping the others. */
export type ChangeTabOptions = (change: Partial<TabOptions>) => void;

/** What a parameter's reading needs to know: today, in the project's time zone (`YYYY-MM-DD`). */
interface ReadingContext {
  today: string;
}

/**
 * One tab option in the URL: its parameter, how a value is read (undefined when it cannot be used) and written
 * (null for the default, which is not written), and what a value must be, said when a link's cannot be used.
 */
interface OptionParameter<K extends keyof TabOptions> {
  option: K;
  parameter: string;
  read: (raw: string, context: ReadingContext) => TabOptions[K] | undefined;
  write: (value: TabOptions[K]) => string | null;
  expects: string;
}

type AnyOptionParameter = { [K in keyof TabOptions]: OptionParameter<K> }[keyof TabOptions];

const optionParameter = <K extends keyof TabOptions>(parameter: OptionParameter<K>) => parameter as unknown as AnyOptionParameter;

const isDate = (value: string) => /^\d{4}-\d\d-\d\d$/.test(value) && isoDateToDay(value) !== null;
/** Two dates joined by `..`, the first no later than the second: `2026-01-05..2026-02-01`. */
const DATE_RANGE = /^(\d{4}-\d\d-\d\d)\.\.(\d{4}-\d\d-\d\d)$/;
function readDateRange(raw: string): { from: string; to: string } | undefined {
  const match = DATE_RANGE.exec(raw);
  if (!match || !isDate(match[1]!) || !isDate(match[2]!) || match[1]! > match[2]!) return undefined;
  return { from: match[1]!, to: match[2]! };
}
const onOff = {
  read: (raw: string) => (raw === 'on' ? true : raw === 'off' ? false : undefined),
  write: (value: boolean) => (value ? 'on' : null),
  expects: 'write "on" or "off"',
};

/**
 * The tab options' parameters, in the order they are written: the one list the URL is read and written from.
 * Each is checked as the tab's own input checks it; what depends on the report (a zoom or an aging day
 * outside the period, a sampling window the history cannot give) is checked by the tab, which says so beside
 * its input and shows its default.
 */
export const TAB_OPTION_PARAMETERS: readonly AnyOptionParameter[] = [
  optionParameter({ option: 'logScale', parameter: 'log-scale', ...onOff }),
  optionParameter({
    option: 'rolling',
    parameter: 'rolling',
    read: (raw) => ROLLING_WINDOWS.find((size) => String(size) === raw),
    write: (value) => (value === null ? null : String(value)),
    expects: `the rolling percentile covers the last ${new Intl.ListFormat('en', { type: 'disjunction' }).format(ROLLING_WINDOWS.map(String))} items`,
  }),
  optionParameter({
    option: 'zoom',
    parameter: 'zoom',
    read: readDateRange,
    write: (value) => (value === null ? null : `${value.from}..${value.to}`),
    expects: 'a zoom is two dates, the earlier first, such as 2026-01-05..2026-02-01',
  }),
  optionParameter({ option: 'hideBacklog', parameter: 'hide-backlog', ...onOff }),
  optionParameter({ option: 'hideDone', parameter: 'hide-done', ...onOff }),
  optionParameter({
    option: 'agingDay',
    parameter: 'aging-day',
    read: (raw, { today }) => (isDate(raw) && raw < today ? raw : undefined),
    write: (value) => value,
    expects: 'the aging is seen on a past day, written YYYY-MM-DD',
  }),
  optionParameter({
    option: 'sampling',
    parameter: 'sample',
    read: (raw) => {
      if (/^\d+$/.test(raw)) return Number(raw) >= MIN_SAMPLING_DAYS ? { lastDays: Number(raw) } : undefined;
      return readDateRange(raw);
    },
    write: (value) => (value === null ? null : 'lastDays' in value ? String(value.lastDays) : `${value.from}..${value.to}`),
    expects: `the forecast samples the last ${MIN_SAMPLING_DAYS} days or more, or two dates such as 2026-01-05..2026-03-29`,
  }),
  optionParameter({
    option: 'start',
    parameter: 'start',
    read: (raw, { today }) => (checkStartDate(raw, today).ok ? raw : undefined),
    write: (value) => value,
    expects: 'the forecast starts today or on a later day up to a year ahead, written YYYY-MM-DD',
  }),
  optionParameter({
    option: 'by',
    parameter: 'by',
    read: (raw, { today }) => (checkTargetDate(raw, today).ok ? raw : undefined),
    write: (value) => value,
    expects: '"how many items by" asks about a day after today, up to a year ahead, written YYYY-MM-DD',
  }),
  optionParameter({
    option: 'items',
    parameter: 'items',
    read: (raw) => {
      const check = checkItemCount(raw);
      return check.ok ? check.value : undefined;
    },
    write: (value) => (value === null ? null : String(value)),
    expects: `"when will this many items be done" asks about a whole number of items from 1 to ${MAX_FORECAST_ITEMS.toLocaleString('en-US')}`,
  }),
  optionParameter({
    option: 'remaining',
    parameter: 'jql',
    read: (raw) => {
      const check = checkRemainingWorkQuery(raw);
      return check.ok ? { source: 'jql', jql: check.value } : undefined;
    },
    write: (value) => (value?.source === 'jql' ? value.jql : null),
    expects: 'the remaining work is counted from a JQL query that is not empty nor too long',
  }),
  optionParameter({
    option: 'remaining',
    parameter: 'epic',
    read: (raw) => (/^[A-Z][A-Z0-9_]*-[1-9][0-9]{0,17}$/.test(raw) ? { source: 'epic', epicKey: raw } : undefined),
    write: (value) => (value?.source === 'epic' ? value.epicKey : null),
    expects: "the remaining work is counted from an epic's key, such as FLOW-12",
  }),
];

/** The tab options' parameters as the URL names them. */
export const TAB_OPTION_NAMES: readonly string[] = TAB_OPTION_PARAMETERS.map(({ parameter }) => parameter);

/** Writes the options that differ from the defaults into `params`, in the list's order. */
export function writeTabOptions(options: TabOptions, params: URLSearchParams): void {
  for (const { option, parameter, write } of TAB_OPTION_PARAMETERS) {
    const written = (write as (value: TabOptions[typeof option]) => string | null)(options[option]);
    if (written !== null) params.set(parameter, written);
  }
}

/**
 * The options `params` names, each one the page can use; one plain sentence in `ignored` per value it cannot
 * (which keeps its default). Null when the URL names no tab option.
 */
export function readTabOptions(params: URLSearchParams, context: ReadingContext, ignored: string[]): TabOptions | null {
  if (!TAB_OPTION_NAMES.some((name) => params.has(name))) return null;
  const options: Record<string, unknown> = { ...DEFAULT_TAB_OPTIONS };
  for (const { option, parameter, read, expects } of TAB_OPTION_PARAMETERS) {
    const raw = params.get(parameter);
    if (raw === null) continue;
    const value = read(raw, context);
    if (value === undefined) ignored.push(`"${parameter}=${raw}" was left out (${expects}); the default is shown.`);
    else if (options[option] !== DEFAULT_TAB_OPTIONS[option] && option === 'remaining')
      ignored.push(`The link names both a JQL query and an epic for the remaining work; the query was used.`);
    else options[option] = value;
  }
  return options as unknown as TabOptions;
}

/**
 * A tab's options: those of the page when it gives them (with `change`, which writes them to the URL), or the
 * tab's own otherwise (a tab drawn on its own keeps its options while it is shown).
 */
export function useTabOptions(given: TabOptions | undefined, change: ChangeTabOptions | undefined): [TabOptions, ChangeTabOptions] {
  const [own, setOwn] = useState(DEFAULT_TAB_OPTIONS);
  const changeOwn = useCallback<ChangeTabOptions>((partial) => setOwn((previous) => ({ ...previous, ...partial })), []);
  return given !== undefined && change !== undefined ? [given, change] : [own, changeOwn];
}
