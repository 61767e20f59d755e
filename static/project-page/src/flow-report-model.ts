import {
  buildFlowReport,
  DEFAULT_FLOW_CONFIG,
  filterCompactHistory,
  parseFlowConfig,
  type CompactHistory,
  type FlowConfig,
  type FlowReport,
  type Workflow,
} from '../../../src/domain';
import type { DateRange } from './date-range';

/** What the page's filters choose; they apply to every view. */
export interface ReportFilters {
  /** Issue types to keep; empty keeps all. */
  issueTypes: readonly string[];
  /** The last this-many days up to today, or null for the configured window. */
  rangeDays: number | null;
  /** A period chosen day by day (checked with `checkDateRange`); when set, it wins over `rangeDays`. */
  customRange?: DateRange | null;
}

export const NO_FILTERS: ReportFilters = { issueTypes: [], rangeDays: null, customRange: null };

/** The report window the filters ask for, or the configured one. */
export function windowOf(filters: ReportFilters, configured: FlowConfig['window']): FlowConfig['window'] {
  if (filters.customRange) return { from: filters.customRange.from, to: filters.customRange.to, days: null };
  if (filters.rangeDays !== null) return { from: null, to: null, days: filters.rangeDays };
  return configured;
}

export type ReportResult = { ok: true; report: FlowReport; configNote: string | null } | { ok: false; message: string };

/** The project's saved configuration, falling back to the defaults when it is missing or unreadable. */
export function flowConfigOf(document: unknown, workflow: Workflow): { config: FlowConfig; note: string | null } {
  let config: FlowConfig = DEFAULT_FLOW_CONFIG;
  let note: string | null = null;
  if (document !== null && document !== undefined) {
    try {
      config = parseFlowConfig(document);
    } catch (cause) {
      note = `The saved flow configuration could not be read (${cause instanceof Error ? cause.message : 'unknown problem'}); the defaults are used.`;
    }
  }
  return { config: { ...config, workflow }, note };
}

/** Every metric of the page for one choice of filters, computed in the browser. */
export function computeReport(
  history: CompactHistory,
  workflow: Workflow,
  flowConfig: unknown,
  filters: ReportFilters,
  now: number,
): ReportResult {
  const { config, note } = flowConfigOf(flowConfig, workflow);
  const kept = new Set(filters.issueTypes);
  const filtered =
    kept.size === 0 ? history : filterCompactHistory(history, (issue) => kept.has(history.issueTypes[history.type[issue]!]!));
  const window = windowOf(filters, config.window);
  try {
    return { ok: true, report: buildFlowReport(filtered, { ...config, window }, { now, seed: 1 }), configNote: note };
  } catch (cause) {
    return { ok: false, message: cause instanceof Error ? cause.message : 'The metrics could not be computed.' };
  }
}
