import { fakeTheDateOnly } from '../../dev/testing/fake-clock';
import { SyncHarness } from '../../dev/testing/local-sync-harness';
import { defaultFilters, flowConfigOf, MS_PER_DAY, overviewFigures, reportModel, unpackCycleTimeFigures } from '../domain';
import type { OverviewSummary } from '../ports';
import type { ProjectViewData, ResolverResult } from '../shared/resolver-contract';

/**
 * The Overview summary on the local platform: written by the sync, sent to a first open instead of the
 * history only while it says exactly what the history would, and never to someone the history is not sent to.
 */
const harness = new SyncHarness();
const SUMMARY_KEY = 'project:FLOW:overview-summary';

const firstOpen = (role: 'member' | 'outsider' = 'member', projectKey = 'FLOW') =>
  harness.invoke<ProjectViewData>('getProjectView', projectKey, harness.user(role), { overviewFirst: true });
const storedSummary = () =>
  harness.kvs.listPlain(SUMMARY_KEY).find((entry) => entry.key === SUMMARY_KEY)?.value as OverviewSummary | undefined;

function viewOf(answer: ResolverResult<ProjectViewData>): ProjectViewData {
  if (!answer.ok) throw new Error(`getProjectView: ${answer.error.code}`);
  return answer.data;
}

beforeAll(async () => {
  await harness.measure('FLOW');
  await harness.runScheduledSync();
});
afterAll(() => harness.close());
afterEach(() => jest.useRealTimers());

it('sends a first open the Overview figures the page would compute from the whole history, and not the history', async () => {
  const answer = await firstOpen();
  const view = viewOf(answer);
  expect(view.history).toBeNull();
  expect(view.overview).toBeDefined();
  // A few kilobytes, whatever the project's size: one or two of KVS's 10 KB read units.
  expect(Buffer.byteLength(JSON.stringify(storedSummary()))).toBeLessThan(20_000);

  const { history } = await harness.viewedHistory('FLOW');
  const now = Date.parse(view.overview!.figures.generated.now);
  const { config } = flowConfigOf(view.flowConfig, view.workflow);
  const report = reportModel(history!, view.workflow, view.flowConfig, now).reportFor(
    defaultFilters(history!.issueTypes, config.excludedIssueTypes),
  );
  if (!report.ok) throw new Error(report.message);
  expect(view.overview!.figures).toEqual(overviewFigures(report.report));
  expect(view.overview!.clampedFrom).toBe(report.clampedFrom);
  expect(view.overview!.dictionaries.issueTypes).toEqual(history!.issueTypes);
});

it("sends the Cycle time tab's figures the page's report worker would compute, to the last dot, with the Overview's", async () => {
  const view = viewOf(await firstOpen());
  const { history } = await harness.viewedHistory('FLOW');
  const now = Date.parse(view.overview!.figures.generated.now);
  const { config } = flowConfigOf(view.flowConfig, view.workflow);
  // What the report worker answers the Cycle time tab (see static/project-page/src/report-worker-answers.ts).
  const result = reportModel(history!, view.workflow, view.flowConfig, now).windowMeasuresFor(
    defaultFilters(history!.issueTypes, config.excludedIssueTypes),
  );
  if (!result.ok) throw new Error(result.message);
  const { measures } = result;
  expect(measures.scatter.length).toBeGreaterThan(100);
  const { dotColumns, ...kept } = unpackCycleTimeFigures(view.overview!.cycleTime!);
  expect(dotColumns.day).toHaveLength(measures.scatter.length);
  expect(kept).toEqual({
    generated: {
      window: measures.generated.window,
      unit: measures.generated.unit,
      conventions: {
        percentileMethod: measures.generated.conventions.percentileMethod,
        weekEndsOn: measures.generated.conventions.weekEndsOn,
      },
    },
    percentiles: measures.percentiles,
    serviceLevelExpectation: measures.serviceLevelExpectation,
    histogram: measures.histogram,
    // In the report's order (the rolling percentile reads it), without the items' keys.
    scatter: measures.scatter.map(({ date, cycleTime }) => ({ date, cycleTime })),
  });
});

it('answers as before when the page does not ask for the overview first', async () => {
  const view = viewOf(await harness.invoke<ProjectViewData>('getProjectView', 'FLOW', harness.user('member'), {}));
  expect(view.overview).toBeUndefined();
  expect(view.history?.shards.length).toBeGreaterThan(0);
});

it('tells someone who may not browse the project nothing', async () => {
  await expect(firstOpen('outsider', 'BUG')).resolves.toEqual({
    ok: false,
    error: { code: 'FORBIDDEN', message: 'You do not have permission to browse this project.' },
  });
});

it('serves no summary of a project an admin stopped measuring', async () => {
  await harness.measure();
  try {
    const view = viewOf(await firstOpen());
    expect([view.measured, view.history, view.overview]).toEqual([false, null, undefined]);
  } finally {
    await harness.measure('FLOW');
  }
});

describe('falls back to the whole history when the summary no longer says what it would', () => {
  let saved: OverviewSummary;
  beforeEach(() => {
    saved = storedSummary()!;
  });
  afterEach(async () => {
    await harness.setValue(SUMMARY_KEY, saved);
  });

  const expectWholeHistory = async () => {
    const view = viewOf(await firstOpen());
    expect(view.overview).toBeUndefined();
    expect(view.history?.fromShard).toBe(0);
    expect(view.history?.shards.length).toBeGreaterThan(0);
  };

  it('the history changed since it was computed', async () => {
    await harness.setValue(SUMMARY_KEY, { ...saved, historyVersion: '0123456789abcdef' });
    await expectWholeHistory();
  });

  it('the flow configuration changed, until the next sync computes it again', async () => {
    await harness.setValue('project:FLOW:flow-config', { conventions: { timeZone: 'Pacific/Auckland' } });
    try {
      await expectWholeHistory();
      await harness.runScheduledSync();
      const view = viewOf(await firstOpen());
      expect(view.overview?.figures.generated.timeZone).toBe('Pacific/Auckland');
    } finally {
      await harness.kvs.fetch('/api/v1/delete', { method: 'POST', body: JSON.stringify({ key: 'project:FLOW:flow-config' }) });
      await harness.runScheduledSync();
    }
  });

  it('the day changed in the project’s time zone: items have aged', async () => {
    fakeTheDateOnly();
    jest.setSystemTime(Date.now() + MS_PER_DAY);
    await expectWholeHistory();
  });

  it('an issue of the project is secured: readers may see different issues', async () => {
    await harness.setValue(SUMMARY_KEY, { ...saved, hasSecuredIssues: true });
    await expectWholeHistory();
  });
});

describe('a first open that loads the history of a small project in a request of its own (historyUpTo)', () => {
  let issueCount: number;
  beforeAll(async () => {
    issueCount = viewOf(await firstOpen()).overview!.issueCount;
  });
  const readUnitsOf = async (payload: { overviewFirst?: boolean; historyUpTo?: number; overviewOnly?: boolean }) => {
    const before = harness.kvs.stats().readUnits;
    const view = viewOf(await harness.invoke<ProjectViewData>('getProjectView', 'FLOW', harness.user('member'), payload));
    return { view, units: harness.kvs.stats().readUnits - before };
  };

  it('its own request brings the history of a project of up to that many issues, as a request without it would', async () => {
    const { view } = await readUnitsOf({ historyUpTo: issueCount });
    const plain = viewOf(await harness.invoke<ProjectViewData>('getProjectView', 'FLOW', harness.user('member'), {}));
    expect(view.historyWithheld).toBeUndefined();
    expect(view.history).toEqual(plain.history);
  });

  it('withholds the history of a bigger project, at the cost of a glance: no shard is read', async () => {
    const glance = await readUnitsOf({ overviewFirst: true, historyUpTo: issueCount - 1 });
    const { view, units } = await readUnitsOf({ historyUpTo: issueCount - 1 });
    expect([view.history, view.historyWithheld, view.overview]).toEqual([null, true, undefined]);
    expect(view.workflow).toEqual(glance.view.workflow);
    // The manifest and the configuration, as the Overview's request reads them, without the summary.
    expect(units).toBeLessThanOrEqual(glance.units);
  });

  it('sends the Overview summary to an Overview request that may go unread (overviewOnly), as to any other', async () => {
    const { view } = await readUnitsOf({ overviewFirst: true, overviewOnly: true });
    expect(view.overview).toBeDefined();
    expect([view.history, view.historyWithheld]).toEqual([null, undefined]);
  });

  it('sends the Overview summary beside it as before', async () => {
    const { view } = await readUnitsOf({ overviewFirst: true, historyUpTo: issueCount });
    expect(view.overview).toBeDefined();
    expect([view.history, view.historyWithheld]).toEqual([null, undefined]);
  });

  describe('when the summary is not current', () => {
    let saved: OverviewSummary;
    beforeEach(async () => {
      saved = storedSummary()!;
      await harness.setValue(SUMMARY_KEY, { ...saved, historyVersion: '0123456789abcdef' });
    });
    afterEach(async () => {
      await harness.setValue(SUMMARY_KEY, saved);
    });

    it('the Overview request leaves the history to the other one, so it is read once', async () => {
      const history = await readUnitsOf({ historyUpTo: issueCount });
      const { view, units } = await readUnitsOf({ overviewFirst: true, historyUpTo: issueCount });
      expect([view.history, view.historyWithheld, view.overview]).toEqual([null, true, undefined]);
      expect(units).toBeLessThan(history.units);
    });

    it('the Overview request of a bigger project brings the history, which the other one withholds', async () => {
      const { view } = await readUnitsOf({ overviewFirst: true, historyUpTo: issueCount - 1 });
      expect(view.historyWithheld).toBeUndefined();
      expect(view.history?.shards.length).toBeGreaterThan(0);
    });

    it('an Overview request that may go unread (overviewOnly) never brings the history: no shard is read', async () => {
      const glance = await readUnitsOf({ overviewFirst: true, historyUpTo: issueCount });
      for (const historyUpTo of [issueCount - 1, issueCount, undefined]) {
        const { view, units } = await readUnitsOf({ overviewFirst: true, overviewOnly: true, historyUpTo });
        expect([view.history, view.historyWithheld, view.overview]).toEqual([null, true, undefined]);
        expect(units).toBeLessThanOrEqual(glance.units);
      }
    });
  });
});
