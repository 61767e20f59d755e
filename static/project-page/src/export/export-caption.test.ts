import { DEFAULT_CONVENTIONS, type FlowConventions } from '../../../../src/domain';
import { exportCaption, exportFileName, type ExportSubject } from './export-caption';

const SUBJECT: ExportSubject = {
  projectKey: 'FLOW',
  tab: 'Cycle time',
  window: { from: '2026-09-01', to: '2026-11-30' },
  filters: { issueTypes: ['Story', 'Bug'], rangeDays: 90, customRange: null },
  conventions: DEFAULT_CONVENTIONS,
  workflow: { stages: [], startStage: 'In Progress', doneStage: 'Done' },
  exportedOn: '2026-12-01',
};

describe('the caption of an exported chart', () => {
  it('says what is shown: project, tab, period, issue types', () => {
    expect(exportCaption(SUBJECT).filter).toEqual(['FLOW · Cycle time', 'Period: Sep 1, 2026 to Nov 30, 2026', 'Issue types: Story, Bug']);
    expect(exportCaption({ ...SUBJECT, filters: { ...SUBJECT.filters, issueTypes: [] } }).filter[2]).toBe('Issue types: all');
  });

  it('names every facet chosen, "none" as the filter reads it, so an image of a few items is not taken for all', () => {
    const caption = exportCaption({
      ...SUBJECT,
      filters: { ...SUBJECT.filters, labels: ['mobile', ''], resolutions: ['Done'], components: ['API'], parents: ['FLOW-12', ''] },
    });
    expect(caption.filter).toEqual([
      'FLOW · Cycle time',
      'Period: Sep 1, 2026 to Nov 30, 2026',
      'Issue types: Story, Bug',
      'Resolution: Done',
      'Labels: mobile, No label',
      'Components: API',
      'Parent: FLOW-12, No parent',
    ]);
  });

  it('says which conventions the numbers follow, with the stage range when one is chosen', () => {
    const conventions: FlowConventions = {
      ...DEFAULT_CONVENTIONS,
      serviceLevelPercentile: 90,
      unit: 'hours',
      percentileMethod: 'linear',
      timeZone: 'Europe/Berlin',
      businessCalendar: { workingDays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], holidays: ['2026-12-25'] },
    };
    const caption = exportCaption({
      ...SUBJECT,
      conventions,
      filters: { ...SUBJECT.filters, stageRange: { from: 'In Review', to: 'Done' } },
    });
    expect(caption.filter).toContain('Measured from In Review to Done');
    expect(caption.conventions).toEqual([
      'Cycle time from In Review to Done',
      'In hours',
      'Working days: Mon, Tue, Wed, Thu, Fri, 1 holiday skipped',
      'SLE: 90th percentile',
      'Percentiles: linear',
      'Time zone: Europe/Berlin',
      'Exported Dec 1, 2026',
    ]);
  });

  it('names the file by project, tab and period', () => {
    expect(exportFileName(SUBJECT, 'png')).toBe('FLOW-cycle-time-2026-09-01-to-2026-11-30.png');
  });
});
