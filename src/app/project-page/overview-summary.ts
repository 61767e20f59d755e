import {
  type CompactHistory,
  dayToIsoDate,
  defaultFilters,
  flowConfigOf,
  overviewFigures,
  packCycleTimeFigures,
  reportModel,
  ZonedDays,
} from '../../domain';
import type { Clock, FlowConfigStore, HistoryManifest, HistoryStore, OverviewSummary, OverviewSummaryStore } from '../../ports';
import { compactHistoryFromShards } from '../../shared/packed-history';
import { digestOf, historyVersionOf } from './history-version';
import { workflowFor } from './stored-workflow';
// A project with any secured issue (or a history that does not say) is answered per viewer, never from the summary.
import { hasSecuredIssues } from '../sync/history-manifest';

/**
 * The Overview summary: what the Overview tab shows for the page's default filters, computed by the sync
 * from the whole history so that a reader who holds no history yet is sent a few kilobytes instead of the
 * whole history (at 100,000 issues, some 470 of the installation's 4,000 read units a minute). The history
 * follows only when the reader goes to another tab or changes a filter.
 *
 * It is served only while it says exactly what the full path would: computed from the live history's current
 * version, under the current flow configuration, on the current day in the project's time zone (items age
 * every day), and when no issue of the project is secured (each reader may then see fewer issues than it
 * counts). Anything else is the full path, which is never wrong, only costlier. Beside the Overview's figures
 * it keeps the Cycle time tab's (its scatterplot's dots packed, see src/domain/cycle-time-figures.ts), so a reader
 * who opens that tab before the history has loaded sees its chart at once. It is one value under the
 * project's keys, so erasing the project erases it, and the sync writes it under its erasure mandate. A
 * project no longer measured serves no history, and no summary either (see project-view.ts).
 */
// Format 3: the figures carry the project's week convention (where its charts' weekly labels fall); a summary
// of an earlier format is computed again by the next sync rather than served without it.
const OVERVIEW_SUMMARY_FORMAT = 3;

/** What the sync needs to keep a project's summary current. */
export interface OverviewSummaryPorts {
  store: Pick<HistoryStore, 'readManifest' | 'readShards'>;
  flowConfigs: Pick<FlowConfigStore, 'read'>;
  summaries: OverviewSummaryStore;
  clock: Clock;
}

/** The digest a summary records of the flow configuration document it was computed under. */
function configDigestOf(flowConfig: unknown): string {
  return digestOf(JSON.stringify(flowConfig ?? null));
}

/** The day `now` falls on in a time zone, `YYYY-MM-DD`. */
function dayIn(timeZone: string, now: number): string {
  return dayToIsoDate(new ZonedDays(timeZone).dayOf(now));
}

/** Whether the summary was computed from this history, under this configuration, today. */
function isSummaryCurrent(summary: OverviewSummary, manifest: HistoryManifest, flowConfig: unknown, now: number): boolean {
  return (
    summary.format === OVERVIEW_SUMMARY_FORMAT &&
    summary.historyVersion === historyVersionOf(manifest) &&
    summary.configDigest === configDigestOf(flowConfig) &&
    summary.day === dayIn(summary.timeZone, now)
  );
}

/** Whether the summary may be sent to any reader who may browse the project, instead of the history. */
export function isSummaryServable(
  summary: OverviewSummary | null,
  manifest: HistoryManifest,
  flowConfig: unknown,
  now: number,
): summary is OverviewSummary {
  return (
    summary !== null && !summary.hasSecuredIssues && !hasSecuredIssues(manifest) && isSummaryCurrent(summary, manifest, flowConfig, now)
  );
}

/**
 * The summary of a history: the report the page computes first (default filters, the configured period),
 * reduced to the Overview's figures and the Cycle time tab's. Null when that report cannot be computed (the page then shows why).
 */
function summaryOf(history: CompactHistory, manifest: HistoryManifest, flowConfig: unknown, now: number): OverviewSummary | null {
  const workflow = workflowFor(flowConfig, manifest.statuses);
  const { config } = flowConfigOf(flowConfig, workflow);
  const result = reportModel(history, workflow, flowConfig, now).reportFor(defaultFilters(history.issueTypes, config.excludedIssueTypes));
  // An unreadable configuration is the full path's to explain, above the tabs.
  if (!result.ok || result.configNote !== null) return null;
  const timeZone = config.conventions.timeZone;
  return {
    format: OVERVIEW_SUMMARY_FORMAT,
    historyVersion: historyVersionOf(manifest),
    configDigest: configDigestOf(flowConfig),
    day: dayIn(timeZone, now),
    timeZone,
    hasSecuredIssues: hasSecuredIssues(manifest),
    figures: overviewFigures(result.report),
    cycleTime: packCycleTimeFigures(result.report),
    clampedFrom: result.clampedFrom,
  };
}

type SummaryRefresh = 'current' | 'written' | 'not-servable' | 'no-history';

/**
 * Brings the project's summary up to date with its live history, configuration and day: a few small reads
 * when it is current; the whole history read once, by the sync, when it is not.
 */
export async function refreshOverviewSummary(ports: OverviewSummaryPorts, projectKey: string): Promise<SummaryRefresh> {
  const [manifest, flowConfig, summary] = await Promise.all([
    ports.store.readManifest(projectKey, 'live'),
    ports.flowConfigs.read(projectKey),
    ports.summaries.read(projectKey),
  ]);
  if (!manifest) return 'no-history';
  const now = ports.clock.now().getTime();
  if (summary && isSummaryCurrent(summary, manifest, flowConfig, now)) return 'current';
  const shards = await ports.store.readShards(
    projectKey,
    manifest.shards.map((shard) => shard.ref),
  );
  const next = summaryOf(compactHistoryFromShards(manifest, shards), manifest, flowConfig, now);
  if (!next) return 'not-servable';
  await ports.summaries.write(projectKey, next);
  return 'written';
}
