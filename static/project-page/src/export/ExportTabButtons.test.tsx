/** @jest-environment jsdom */
import '../../../testing/atlaskit-test-env';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DEFAULT_CONVENTIONS } from '../../../../src/domain';
import { ExportTabButtons } from './ExportTabButtons';

const SUBJECT = {
  projectKey: 'FLOW',
  window: { from: '2026-09-01', to: '2026-11-30' },
  filters: { issueTypes: [], rangeDays: 90, customRange: null },
  conventions: DEFAULT_CONVENTIONS,
  workflow: { stages: [], startStage: 'In Progress', doneStage: 'Done' },
  exportedOn: '2026-12-01',
};

/** A report with two tabs, the second shown, holding one chart (or none). */
function Report({ chart }: { chart: boolean }) {
  return (
    <div data-testid="flow-report">
      <ExportTabButtons subject={SUBJECT} />
      <div role="tablist">
        <button role="tab" aria-selected="false">
          Overview
        </button>
        <button role="tab" aria-selected="true">
          Cycle time
        </button>
      </div>
      <div role="tabpanel">
        {chart && (
          <figure className="fm-chart">
            <p>Cycle time of finished items</p>
            <div className="fm-chart-canvas">
              <svg className="fm-chart-svg" viewBox="0 0 600 300" role="application" tabIndex={0}>
                <circle cx="10" cy="20" r="3" fill="red" className="fm-chart-point" />
                <text x="5" y="5">
                  SLE 85%: 22 days
                </text>
              </svg>
            </div>
          </figure>
        )}
      </div>
    </div>
  );
}

/** jsdom's Blob has no text(): read it as a page would. */
const textOf = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });

let saved: Blob[] = [];
beforeEach(() => {
  saved = [];
  URL.createObjectURL = jest.fn((blob: Blob) => {
    saved.push(blob);
    return 'blob:export';
  });
  URL.revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});

describe('exporting the tab shown', () => {
  it("downloads the tab's charts as SVG with the filter and conventions beneath them", async () => {
    render(<Report chart />);
    fireEvent.click(screen.getByRole('button', { name: 'Export as SVG' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.type).toBe('image/svg+xml;charset=utf-8');
    const document = new DOMParser().parseFromString(await textOf(saved[0]!), 'image/svg+xml');
    const root = document.documentElement;
    expect(root.nodeName).toBe('svg');
    expect(root.querySelector('parsererror')).toBeNull();
    const chart = root.querySelector(':scope > svg')!;
    expect([chart.getAttribute('width'), chart.getAttribute('height')]).toEqual(['600', '300']);
    // The page's own attributes (classes, focus, roles) stay behind; the mark and its colour come along.
    expect(chart.getAttribute('role')).toBeNull();
    expect(chart.querySelector('circle')!.getAttribute('class')).toBeNull();
    expect(chart.querySelector('circle')!.getAttribute('fill')).toBe('red');
    expect(root.textContent).toContain('Cycle time of finished items');
    const caption = root.querySelector('[data-export-caption]')!.textContent;
    expect(caption).toContain('FLOW · Cycle time');
    expect(caption).toContain('SLE: 85th percentile');
    expect(Number(root.getAttribute('width'))).toBe(632);
  });

  it('says so when the tab has no chart, and downloads nothing', () => {
    render(<Report chart={false} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export as PNG' }));
    expect(screen.getByTestId('export-tab-problem').textContent).toBe('The Cycle time tab has no chart to export.');
    expect(saved).toHaveLength(0);
  });

  it('offers nothing while the report could not be computed', () => {
    render(<ExportTabButtons subject={null} />);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Export as SVG' }).disabled).toBe(true);
  });
});
