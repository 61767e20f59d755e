import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Text } from '@atlaskit/primitives/compiled/text';
import type { ReportFilters } from './flow-report-model';
import './ReportFiltersBar.css';

export const RANGE_PRESETS: ReadonlyArray<{ label: string; days: number | null }> = [
  { label: 'Configured period', days: null },
  { label: 'Last 30 days', days: 30 },
  { label: 'Last 90 days', days: 90 },
  { label: 'Last 180 days', days: 180 },
  { label: 'Last 365 days', days: 365 },
];

/** The filters that apply to every view: a date range preset and the issue types to include. */
export function ReportFiltersBar({
  issueTypes,
  filters,
  onChange,
}: {
  issueTypes: readonly string[];
  filters: ReportFilters;
  onChange: (filters: ReportFilters) => void;
}) {
  const toggle = (type: string, on: boolean) => {
    const chosen = new Set(filters.issueTypes);
    if (on) chosen.add(type);
    else chosen.delete(type);
    onChange({ ...filters, issueTypes: issueTypes.filter((t) => chosen.has(t)) });
  };
  return (
    <Inline space="space.300" alignBlock="center" shouldWrap testId="report-filters">
      <label className="fm-filter">
        <Text size="small" weight="medium">
          Period
        </Text>
        <select
          className="fm-filter-select"
          data-testid="filter-range"
          value={filters.rangeDays === null ? '' : String(filters.rangeDays)}
          onChange={(event) => onChange({ ...filters, rangeDays: event.target.value === '' ? null : Number(event.target.value) })}
        >
          {RANGE_PRESETS.map((preset) => (
            <option key={preset.label} value={preset.days === null ? '' : String(preset.days)}>
              {preset.label}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="fm-filter-types" data-testid="filter-issue-types">
        <legend>
          <Text size="small" weight="medium">
            Issue types {filters.issueTypes.length === 0 ? '(all)' : ''}
          </Text>
        </legend>
        {issueTypes.map((type) => (
          <label key={type} className="fm-filter-check">
            <input type="checkbox" checked={filters.issueTypes.includes(type)} onChange={(event) => toggle(type, event.target.checked)} />
            <Text size="small">{type}</Text>
          </label>
        ))}
      </fieldset>
    </Inline>
  );
}
