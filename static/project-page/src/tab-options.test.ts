import { NO_FILTERS, type ReportFilters } from '../../../src/domain';
import { namesAView, pageSearch, readPageView, tabSlug, type PageUrlContext } from './page-url';
import { DEFAULT_TAB_OPTIONS, TAB_OPTION_PARAMETERS, type TabOptions } from './tab-options';

const DEFAULTS: ReportFilters = { ...NO_FILTERS, issueTypes: ['Bug', 'Story'] };
const CONTEXT: PageUrlContext = {
  defaults: DEFAULTS,
  issueTypes: ['Bug', 'Story'],
  tabs: ['Overview', 'Cycle time', 'Flow', 'Aging', 'Forecast'].map(tabSlug),
  today: '2026-03-12',
  facetValues: null,
  workflow: { stages: ['To Do', 'In Progress', 'Done'].map((name) => ({ name })), startStage: 'In Progress', doneStage: 'Done' },
};

const withOptions = (options: Partial<TabOptions>, tab = 1) => ({
  filters: DEFAULTS,
  tab,
  options: { ...DEFAULT_TAB_OPTIONS, ...options },
});

describe("the tabs' options in the URL", () => {
  it('writes none of them while every tab shows its defaults', () => {
    expect(pageSearch(withOptions({}, 0), CONTEXT)).toBe('');
  });

  it("reads back the scatterplot's scale, rolling line and zoom", () => {
    const view = withOptions({ logScale: true, rolling: 20, zoom: { from: '2026-01-05', to: '2026-02-01' } });
    const search = pageSearch(view, CONTEXT);
    expect(search).toBe('?tab=cycle-time&log-scale=on&rolling=20&zoom=2026-01-05..2026-02-01');
    expect(readPageView(search, CONTEXT)).toEqual({ view, ignored: [] });
  });

  it('reads back what the cumulative flow diagram hides, and the day the aging is seen on', () => {
    const flow = withOptions({ hideBacklog: true, hideDone: true }, 2);
    expect(pageSearch(flow, CONTEXT)).toBe('?tab=flow&hide-backlog=on&hide-done=on');
    expect(readPageView(pageSearch(flow, CONTEXT), CONTEXT)).toEqual({ view: flow, ignored: [] });
    const aging = withOptions({ agingDay: '2026-02-24' }, 3);
    expect(pageSearch(aging, CONTEXT)).toBe('?tab=aging&aging-day=2026-02-24');
    expect(readPageView(pageSearch(aging, CONTEXT), CONTEXT)).toEqual({ view: aging, ignored: [] });
  });

  it("reads back the forecast's sampling window, start, questions and remaining work", () => {
    for (const options of [
      { sampling: { lastDays: 90 }, start: '2026-03-16', by: '2026-04-30', items: 25 },
      {
        sampling: { from: '2025-12-01', to: '2026-02-28' },
        remaining: { source: 'jql' as const, jql: 'issuetype = Bug AND labels = "a&b"' },
      },
      { remaining: { source: 'epic' as const, epicKey: 'FLOW-12' } },
    ]) {
      const view = withOptions(options, 4);
      expect(readPageView(pageSearch(view, CONTEXT), CONTEXT)).toEqual({ view, ignored: [] });
    }
    expect(pageSearch(withOptions({ sampling: { lastDays: 90 }, items: 25 }, 4), CONTEXT)).toBe('?tab=forecast&sample=90&items=25');
  });

  it('leaves out each value it cannot use, keeps the others, says why, and never throws', () => {
    const read = readPageView(
      '?tab=cycle-time&log-scale=yes&rolling=7&zoom=2026-02-01..2026-01-05&hide-done=on&aging-day=2026-03-12&sample=3&start=2020-01-01&by=9999-12-31&items=0&epic=not-a-key',
      CONTEXT,
    );
    expect(read.view).toEqual(withOptions({ hideDone: true }));
    expect(read.ignored).toEqual([
      '"log-scale=yes" was left out (write "on" or "off"); the default is shown.',
      '"rolling=7" was left out (the rolling percentile covers the last 10, 20, or 50 items); the default is shown.',
      '"zoom=2026-02-01..2026-01-05" was left out (a zoom is two dates, the earlier first, such as 2026-01-05..2026-02-01); the default is shown.',
      '"aging-day=2026-03-12" was left out (the aging is seen on a past day, written YYYY-MM-DD); the default is shown.',
      '"sample=3" was left out (the forecast samples the last 14 days or more, or two dates such as 2026-01-05..2026-03-29); the default is shown.',
      '"start=2020-01-01" was left out (the forecast starts today or on a later day up to a year ahead, written YYYY-MM-DD); the default is shown.',
      '"by=9999-12-31" was left out ("how many items by" asks about a day after today, up to a year ahead, written YYYY-MM-DD); the default is shown.',
      '"items=0" was left out ("when will this many items be done" asks about a whole number of items from 1 to 10,000); the default is shown.',
      '"epic=not-a-key" was left out (the remaining work is counted from an epic\'s key, such as FLOW-12); the default is shown.',
    ]);
    for (const parameter of TAB_OPTION_PARAMETERS.map((p) => p.parameter)) {
      for (const raw of ['', ' ', '..', '2026-02-30', '-1', '1e9', 'NaN', '%', 'a'.repeat(5000)]) {
        expect(() => readPageView(`?${new URLSearchParams([[parameter, raw]]).toString()}`, CONTEXT)).not.toThrow();
      }
    }
  });

  it('uses the query when a link names both a query and an epic for the remaining work, and says so', () => {
    const read = readPageView('?jql=type+%3D+Bug&epic=FLOW-12', CONTEXT);
    expect(read.view.options?.remaining).toEqual({ source: 'jql', jql: 'type = Bug' });
    expect(read.ignored).toEqual(['The link names both a JQL query and an epic for the remaining work; the query was used.']);
  });

  it('makes a link with a tab option name a view, which the Overview alone does not answer', () => {
    expect(namesAView('?hide-done=on', CONTEXT.tabs)).toBe(true);
    expect(namesAView('?unrelated=1', CONTEXT.tabs)).toBe(false);
  });
});
