import { DEFAULT_CONVENTIONS } from './conventions';
import { DEFAULT_FLOW_CONFIG, FlowConfigError, parseFlowConfig } from './flow-config';

describe('flow configuration', () => {
  it('is all defaults when empty', () => {
    expect(parseFlowConfig({})).toEqual(DEFAULT_FLOW_CONFIG);
    expect(DEFAULT_FLOW_CONFIG).toMatchObject({
      workflow: null,
      throughputPeriod: 'week',
      blockedCountsAsWaiting: true,
      flaggedFieldIds: ['customfield_10021'],
      forecast: { samplingDays: 90, trials: 10_000, horizonDays: 14, targetDate: null, items: null, backtestWeeks: 12 },
    });
  });

  it('reads a full document', () => {
    // Conventions away from their defaults, each to be seen read; the ones not given keep theirs.
    const conventions = {
      stageEntry: 'last',
      backwardMoves: 'reset',
      unit: 'hours',
      timeZone: 'Europe/Berlin',
      percentileMethod: 'linear',
      percentiles: [50, 85],
      serviceLevelPercentile: 90,
      weekEndsOn: 'friday',
      businessCalendar: { workingDays: ['monday', 'tuesday'], holidays: ['2025-12-25'] },
    };
    const config = parseFlowConfig({
      stages: [
        { name: 'Ready', statuses: ['To Do'] },
        { name: 'In Progress', statuses: ['In Progress', '10004'] },
        { name: 'Review', statuses: ['In Review'], active: false },
        { name: 'Done', statuses: ['Done'] },
      ],
      startStage: 'In Progress',
      doneStage: 'Done',
      statuses: [{ id: '10004', name: 'Pairing', statusCategory: { key: 'indeterminate' } }],
      conventions,
      window: { days: 90 },
      throughputPeriod: 'month',
      histogramBinWidth: 12,
      flowEfficiency: { blockedCountsAsWaiting: false },
      flaggedFieldIds: ['customfield_10100'],
      forecast: { samplingDays: 30, trials: 20_000, targetDate: '2026-03-31', items: 40, backtestWeeks: 8, confidences: [50, 85] },
    });
    expect(config.workflow?.stages[2]).toEqual({ name: 'Review', statuses: ['In Review'], active: false });
    expect(config.conventions).toEqual({ ...DEFAULT_CONVENTIONS, ...conventions });
    expect(config).toMatchObject({
      statuses: [{ id: '10004', name: 'Pairing', statusCategory: { key: 'indeterminate' } }],
      window: { from: null, to: null, days: 90 },
      throughputPeriod: 'month',
      histogramBinWidth: 12,
      blockedCountsAsWaiting: false,
      flaggedFieldIds: ['customfield_10100'],
      forecast: {
        samplingDays: 30,
        trials: 20_000,
        targetDate: '2026-03-31',
        items: 40,
        backtestWeeks: 8,
        confidences: [50, 85],
        horizonDays: 14,
      },
    });
  });

  it.each([
    [[], '(config): expected an object, got []'],
    [{ convention: {} }, 'convention: unknown setting; expected one of stages, startStage'],
    [{ conventions: { unit: 'days' } }, 'conventions.unit: expected one of "days-inclusive", "days-exclusive", "hours", got "days"'],
    [{ conventions: { timeZone: 'Mars/Base' } }, 'conventions.timeZone: "Mars/Base" is not an IANA time zone name'],
    [{ conventions: { percentiles: [85, 50] } }, 'conventions.percentiles: percentiles must be in ascending order'],
    [
      { conventions: { businessCalendar: { holidays: ['2025-02-30'] } } },
      'conventions.businessCalendar.holidays[0]: expected a date as YYYY-MM-DD',
    ],
    [
      { conventions: { businessCalendar: { workingDays: ['mon'] } } },
      'conventions.businessCalendar.workingDays[0]: expected one of "sunday"',
    ],
    [
      { conventions: { businessCalendar: { workingDays: [] } } },
      'conventions.businessCalendar.workingDays: expected at least one working day',
    ],
    [{ stages: [{ name: 'A', statuses: [] }] }, 'startStage: expected a non-empty string'],
    [
      { stages: [{ name: 'A' }, { name: 'B' }], startStage: 'B', doneStage: 'A' },
      'stages: the start stage must come before the done stage',
    ],
    [
      { stages: [{ name: 'A', statuses: [3] }], startStage: 'A', doneStage: 'B' },
      'stages[0].statuses[0]: expected a non-empty string, got 3',
    ],
    [{ forecast: { trials: 500 } }, 'forecast.trials: expected a whole number from 10000'],
    [{ forecast: { targetDate: '31/03/2026' } }, 'forecast.targetDate: expected a date as YYYY-MM-DD'],
    [{ window: { from: '2025-03-01', days: 10 } }, 'window: give "from" or "days", not both'],
    [{ window: { from: '2025-03-10', to: '2025-03-01' } }, 'window: "from" is after "to"'],
    [{ throughputPeriod: 'fortnight' }, 'throughputPeriod: expected one of "day", "week", "month"'],
    [{ statuses: [{ statusCategory: { key: 'new' } }] }, 'statuses[0]: a status needs an "id" or a "name"'],
    [{ flowEfficiency: { blockedCountsAsWaiting: 'yes' } }, 'flowEfficiency.blockedCountsAsWaiting: expected true or false'],
  ])('names the bad field: %j', (input, message) => {
    expect(() => parseFlowConfig(input)).toThrow(FlowConfigError);
    expect(() => parseFlowConfig(input)).toThrow(message);
  });
});

describe('the flow configuration schemas', () => {
  /** Loads flow-config.ts afresh with zod's `z` counted: which of its builders were called, in order. */
  function loadCounted(): { built: string[]; flowConfig: typeof import('./flow-config') } {
    const built: string[] = [];
    let flowConfig: typeof import('./flow-config') | undefined;
    jest.isolateModules(() => {
      jest.doMock('zod', () => {
        const actual = jest.requireActual<typeof import('zod')>('zod');
        // zod's builders (`z.string`, `z.strictObject`...) counted; its classes (capitalised) left as they are.
        const counted = Object.fromEntries(
          Object.entries(actual.z).map(([name, value]) => [
            name,
            typeof value === 'function' && /^[a-z]/.test(name)
              ? (...args: unknown[]) => {
                  built.push(name);
                  return (value as (...given: unknown[]) => unknown)(...args);
                }
              : value,
          ]),
        );
        return { ...actual, z: counted };
      });
      flowConfig = jest.requireActual<typeof import('./flow-config')>('./flow-config');
    });
    jest.dontMock('zod');
    return { built, flowConfig: flowConfig! };
  }

  it('are built when first needed, not as the module loads, and once', () => {
    // The project page's components and workers import the domain, and most of them never read a document.
    const { built, flowConfig } = loadCounted();
    expect(built).toEqual([]);
    expect(flowConfig.parseFlowConfig({ conventions: { unit: 'hours' } }).conventions.unit).toBe('hours');
    const afterFirst = built.length;
    expect(afterFirst).toBeGreaterThan(0);
    expect(flowConfig.conventionSchemas().unit.parse('hours')).toBe('hours');
    expect(() => flowConfig.parseFlowConfig({ conventions: { unti: 'hours' } })).toThrow(flowConfig.FlowConfigError);
    expect(built.length).toBe(afterFirst);
  });
});
