import { NO_FILTERS, type ReportFilters } from '../../../src/domain';
import { pageSearch, readPageView, tabSlug, type PageUrlContext } from './page-url';

const DEFAULTS: ReportFilters = { ...NO_FILTERS, issueTypes: ['Bug', 'Story'] };
const CONTEXT: PageUrlContext = {
  defaults: DEFAULTS,
  issueTypes: ['Bug', 'Epic', 'Story', 'Sub-task'],
  tabs: ['Overview', 'Cycle time', 'Pull requests'].map(tabSlug),
  today: '2026-03-12',
  facetValues: {
    resolutions: ['Done', "Won't Fix", ''],
    labels: ['mobile', 'checkout', ''],
    components: ['Payments'],
    parents: ['FLOW-7', ''],
  },
  workflow: {
    stages: ['Backlog', 'In Progress', 'In Review', 'QA', 'Done'].map((name) => ({ name })),
    startStage: 'In Progress',
    doneStage: 'Done',
  },
};

describe('the page view in the URL', () => {
  it('names tabs in lower case words joined by dashes', () => {
    expect(CONTEXT.tabs).toEqual(['overview', 'cycle-time', 'pull-requests']);
  });

  it('writes nothing for the defaults', () => {
    expect(pageSearch({ filters: DEFAULTS, tab: 0 }, CONTEXT)).toBe('');
    expect(readPageView('', CONTEXT)).toEqual({ view: { filters: DEFAULTS, tab: 0 }, ignored: [] });
  });

  it('reads back what it writes: a preset period, the types and the tab', () => {
    const view = { filters: { ...DEFAULTS, rangeDays: 90, issueTypes: ['Bug', 'Sub-task'] }, tab: 1 };
    const search = pageSearch(view, CONTEXT);
    expect(search).toBe('?period=90&type=Bug&type=Sub-task&tab=cycle-time');
    expect(readPageView(search, CONTEXT)).toEqual({ view, ignored: [] });
  });

  it('reads back custom dates, and "all types" as no type ticked', () => {
    const view = { filters: { ...DEFAULTS, customRange: { from: '2026-01-01', to: '2026-02-28' }, issueTypes: [] }, tab: 2 };
    const search = pageSearch(view, CONTEXT);
    expect(search).toBe('?from=2026-01-01&to=2026-02-28&types=all&tab=pull-requests');
    expect(readPageView(search, CONTEXT).view).toEqual(view);
  });

  it('keeps issue types with spaces and signs readable and exact', () => {
    const context = { ...CONTEXT, issueTypes: ['Bug & Fix', 'Story'] };
    const view = { filters: { ...DEFAULTS, issueTypes: ['Bug & Fix'] }, tab: 0 };
    expect(readPageView(pageSearch(view, context), context).view).toEqual(view);
  });

  it('leaves out each value it cannot use, says which, and keeps the rest', () => {
    const read = readPageView('?period=45&type=Story&type=Feature&tab=charts', CONTEXT);
    expect(read.view).toEqual({ filters: { ...DEFAULTS, issueTypes: ['Story'] }, tab: 0 });
    expect(read.ignored).toEqual([
      '"45" is not a period the page offers (30, 90, 180, 365); the default period is shown.',
      'This project has no issue type "Feature"; it was left out.',
      'The page has no tab "charts"; the first tab is shown.',
    ]);
  });

  it('refuses custom dates that are not dates, reversed or in the future, as the date inputs do', () => {
    expect(readPageView('?from=2026-02-30&to=2026-03-01', CONTEXT).ignored[0]).toContain('2026-02-30 is not a date');
    expect(readPageView('?from=2026-03-01&to=2026-02-01', CONTEXT).ignored[0]).toContain('must be on or before the end date');
    expect(readPageView('?from=2026-03-01&to=2027-01-01', CONTEXT).ignored[0]).toContain('cannot be after today');
    expect(readPageView('?from=2026-03-01', CONTEXT).ignored[0]).toContain('Enter both a start date and an end date.');
    expect(readPageView('?from=2026-03-01&to=2027-01-01', CONTEXT).view.filters).toEqual(DEFAULTS);
  });

  it('never fails on a mangled search part', () => {
    for (const search of ['?%', '?type=%E0%A4%A', '?&&&=', '?tab=&period=&types=', '?types=some']) {
      expect(() => readPageView(search, CONTEXT)).not.toThrow();
    }
    expect(readPageView('?types=some', CONTEXT).ignored).toEqual([
      '"types=some" was not understood; write "types=all" or name each type with "type=".',
    ]);
  });

  it('reads back the facet filters, "none" as an empty value', () => {
    const view = {
      filters: { ...DEFAULTS, resolutions: ["Won't Fix", ''], labels: ['mobile'], components: ['Payments'], parents: ['FLOW-7'] },
      tab: 0,
    };
    const search = pageSearch(view, CONTEXT);
    expect(search).toBe('?resolution=Won%27t+Fix&resolution=&label=mobile&component=Payments&parent=FLOW-7');
    expect(readPageView(search, CONTEXT)).toEqual({ view, ignored: [] });
  });

  it('leaves out facet values no item has, and every facet filter where the history holds no facets', () => {
    const read = readPageView('?label=mobile&label=desktop&parent=FLOW-99', CONTEXT);
    expect(read.view.filters).toEqual({ ...DEFAULTS, labels: ['mobile'] });
    expect(read.ignored).toEqual([
      'No item of this project has the label "desktop"; it was left out.',
      'No item of this project has the parent "FLOW-99"; it was left out.',
    ]);
    const unknown = readPageView('?resolution=Done&tab=cycle-time', { ...CONTEXT, facetValues: null });
    expect(unknown.view).toEqual({ filters: DEFAULTS, tab: 1 });
    expect(unknown.ignored).toEqual([
      "This project's stored history does not hold resolutions yet (they are read with its next full sync); those filters were left out.",
    ]);
  });

  it("reads back the stage range by stage name, each end only where it is not the workflow's own", () => {
    const view = { filters: { ...DEFAULTS, stageRange: { from: 'In Review', to: 'Done' } }, tab: 1 };
    const search = pageSearch(view, CONTEXT);
    expect(search).toBe('?from-stage=In+Review&tab=cycle-time');
    expect(readPageView(search, CONTEXT)).toEqual({ view, ignored: [] });
    const both = { filters: { ...DEFAULTS, stageRange: { from: 'Backlog', to: 'QA' } }, tab: 0 };
    expect(pageSearch(both, CONTEXT)).toBe('?from-stage=Backlog&to-stage=QA');
    expect(readPageView(pageSearch(both, CONTEXT), CONTEXT)).toEqual({ view: both, ignored: [] });
    expect(readPageView('?to-stage=In+Review', CONTEXT).view.filters.stageRange).toEqual({ from: 'In Progress', to: 'In Review' });
  });

  it("reads the workflow's own stages as no stage range", () => {
    expect(readPageView('?from-stage=In+Progress&to-stage=Done', CONTEXT)).toEqual({ view: { filters: DEFAULTS, tab: 0 }, ignored: [] });
  });

  it('leaves out a stage range the workflow cannot measure, and says why', () => {
    const unknown = readPageView('?from-stage=Testing&to-stage=Done&tab=cycle-time', CONTEXT);
    expect(unknown.view).toEqual({ filters: DEFAULTS, tab: 1 });
    expect(unknown.ignored).toEqual([
      'The workflow has no stage "Testing" (its stages are Backlog, In Progress, In Review, QA, Done); the stage range was left out.',
    ]);
    const backwards = readPageView('?from-stage=QA&to-stage=In+Review', CONTEXT);
    expect(backwards.view.filters).toEqual(DEFAULTS);
    expect(backwards.ignored).toEqual(['The stage range from the link ends at "In Review", which is not after "QA"; it was left out.']);
    expect(readPageView('?from-stage=Done', CONTEXT).ignored).toEqual([
      'The stage range from the link ends at "Done", which is not after "Done"; it was left out.',
    ]);
  });
});
