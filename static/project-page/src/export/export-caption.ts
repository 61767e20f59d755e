import { type FlowConventions, NO_FACET_VALUE, type ReportFilters, WEEKDAY_NAMES, type Workflow } from '../../../../src/domain';
import { formatDate } from '../../../common/format-date-time';
import { FACET_PARAMETERS } from '../page-url';

/** What an exported image says about itself: enough for a reader of the file alone to know what it shows. */
export interface ExportSubject {
  projectKey: string;
  /** The tab exported, as its label reads. */
  tab: string;
  /** The period shown (ISO dates, inclusive). */
  window: { from: string; to: string };
  filters: ReportFilters;
  conventions: FlowConventions;
  workflow: Workflow;
  /** The day of the export (ISO date). */
  exportedOn: string;
}

const UNIT_WORDS: Record<FlowConventions['unit'], string> = {
  'days-inclusive': 'days, counting the first and last day',
  'days-exclusive': 'days, done date minus start date',
  hours: 'hours',
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function workingDays(conventions: FlowConventions): string {
  const { workingDays: days, holidays } = conventions.businessCalendar;
  const listed =
    days.length === WEEKDAY_NAMES.length
      ? 'every day'
      : WEEKDAY_NAMES.filter((day) => days.includes(day))
          .map((day) => capitalised(day.slice(0, 3)))
          .join(', ');
  return holidays.length === 0 ? listed : `${listed}, ${holidays.length} holiday${holidays.length === 1 ? '' : 's'} skipped`;
}

/** The facets chosen, one phrase each ("Labels: mobile, No label"), in the filter bar's order and words. */
function facetPhrases(filters: ReportFilters): string[] {
  return FACET_PARAMETERS.flatMap(({ facet, title, none }) => {
    const chosen = filters[facet] ?? [];
    return chosen.length === 0 ? [] : [`${title}: ${chosen.map((value) => (value === NO_FACET_VALUE ? none : value)).join(', ')}`];
  });
}

/**
 * The caption written on an exported chart: the filter (project, tab, period, issue types, facets, stage range) and
 * the conventions its numbers follow (where the clock starts and stops, the unit and days that count, the
 * service-level expectation, the percentile method, the time zone). Each entry is one phrase; the image
 * wraps them into lines.
 */
export function exportCaption(subject: ExportSubject): { filter: string[]; conventions: string[] } {
  const { filters, conventions, workflow } = subject;
  const range = filters.stageRange ?? null;
  return {
    filter: [
      `${subject.projectKey} · ${subject.tab}`,
      `Period: ${formatDate(subject.window.from)} to ${formatDate(subject.window.to)}`,
      `Issue types: ${filters.issueTypes.length === 0 ? 'all' : [...filters.issueTypes].join(', ')}`,
      ...facetPhrases(filters),
      ...(range ? [`Measured from ${range.from} to ${range.to}`] : []),
    ],
    conventions: [
      `Cycle time from ${range?.from ?? workflow.startStage} to ${range?.to ?? workflow.doneStage}`,
      `In ${UNIT_WORDS[conventions.unit]}`,
      `Working days: ${workingDays(conventions)}`,
      `SLE: ${conventions.serviceLevelPercentile}th percentile`,
      `Percentiles: ${conventions.percentileMethod === 'nearest-rank' ? 'nearest rank' : 'linear'}`,
      `Time zone: ${conventions.timeZone}`,
      `Exported ${formatDate(subject.exportedOn)}`,
    ],
  };
}

/** The file name of an export: the project, the tab and the period, so two exports never mix up. */
export function exportFileName(subject: Pick<ExportSubject, 'projectKey' | 'tab' | 'window'>, extension: 'svg' | 'png'): string {
  const tab = subject.tab.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return `${subject.projectKey}-${tab}-${subject.window.from}-to-${subject.window.to}.${extension}`;
}
