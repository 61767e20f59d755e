import { IssueFacetsBuilder, type CompactHistory } from '../../src/domain';
import { at, BOARD_WORKFLOW, boardHistory, type IssueSketch } from '../../src/domain/testing/history-fixture';
import type { ProjectHistoryPart, ProjectViewData } from '../../src/shared/resolver-contract';
import { syncState } from './resolver-fixtures';

/** The instant the test reports are "as of". */
export const FIXTURE_NOW = at('2026-03-12T12:00Z');

/** A small board: stories and bugs finished over five weeks, a few still in progress. */
export function flowHistory(): CompactHistory {
  const issues: IssueSketch[] = [];
  for (let i = 0; i < 24; i++) {
    const startDay = 2 + i;
    const day = (n: number) => `2026-02-${String(Math.min(28, n)).padStart(2, '0')}T10:00Z`;
    const finish = startDay + 1 + (i % 5);
    issues.push({
      key: `FLOW-${i + 1}`,
      type: i % 3 === 0 ? 'Bug' : 'Story',
      created: day(startDay - 1),
      moves:
        i >= 20
          ? [[day(startDay), 'In Progress']]
          : [
              [day(startDay), 'In Progress'],
              [finish > 28 ? `2026-03-0${finish - 28}T10:00Z` : day(finish), 'Done'],
            ],
    });
  }
  return boardHistory(issues);
}

/**
 * `flowHistory` with facets: the odd-numbered items labelled "mobile", the finished ones resolved "Done"
 * except every fourth, "Won't Fix"; FLOW-1 to FLOW-12 in epic FLOW-100, the rest without a parent.
 */
export function flowHistoryWithFacets(): CompactHistory {
  const history = flowHistory();
  const facets = new IssueFacetsBuilder();
  for (let i = 0; i < history.key.length; i++) {
    facets.add({
      resolution: i >= 20 ? null : i % 4 === 0 ? "Won't Fix" : 'Done',
      labels: i % 2 === 1 ? ['mobile'] : [],
      components: [],
      parent: i < 12 ? 'FLOW-100' : null,
    });
  }
  return { ...history, facets: facets.build() };
}

/** A `getProjectView` answer; the history part's shards are opaque here (tests stub the decoding). */
export function projectViewData(overrides: Partial<ProjectViewData> = {}): ProjectViewData {
  return {
    projectKey: 'FLOW',
    measured: true,
    sync: syncState(),
    history: historyPart(),
    dataAsOf: '2026-03-12T11:00:00.000Z',
    workflow: BOARD_WORKFLOW,
    flowConfig: null,
    ...overrides,
  };
}

export function historyPart(overrides: Partial<ProjectHistoryPart> = {}): ProjectHistoryPart {
  return {
    format: 1,
    dictionaries: { statuses: [], issueTypes: [] } as unknown as ProjectHistoryPart['dictionaries'],
    issueCount: 24,
    shardCount: 1,
    fromShard: 0,
    shards: ['shard-0'],
    nextShard: null,
    version: '0123456789abcdef',
    basedOn: null,
    edits: [],
    ...overrides,
  };
}
