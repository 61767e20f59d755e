import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Text } from '@atlaskit/primitives/compiled/text';
import { checkDateRange, type DateRange } from './date-range';
import type { ReportFilters } from '../../../src/domain';
import { RANGE_PRESETS } from './range-presets';
import { FacetFilter, type FacetOption } from './FacetFilter';
import { FACET_PARAMETERS, type FacetName } from './page-url';
import { DayInput } from './DayInput';
import './filter-fields.css';

/** The period select's value for a custom range. */
const CUSTOM = 'custom';

/** A facet with nothing chosen: one list, so its filter sees the same props from one render to the next. */
const NONE_CHOSEN: readonly string[] = [];

/** One end of the custom period: a native date input (it follows the theme, and injects no styles). */
function DateInput({
  label,
  testId,
  value,
  today,
  problemId,
  onChange,
}: {
  label: string;
  testId: string;
  value: string;
  today: string;
  /** The element that explains what is wrong with the range, if anything is. */
  problemId: string | null;
  onChange: (value: string) => void;
}) {
  return (
    <label className="fm-filter">
      <Text size="small" weight="medium">
        {label}
      </Text>
      <DayInput testId={testId} value={value} max={today} problemId={problemId ?? undefined} onChange={onChange} />
    </label>
  );
}

/** The custom period's two date inputs; a range is applied only once it is valid, until then the last one stays. */
function CustomRangeInputs({
  draft,
  today,
  problem,
  onDraft,
}: {
  draft: DateRange;
  today: string;
  problem: string | null;
  onDraft: (draft: DateRange) => void;
}) {
  const problemId = useId();
  const describedBy = problem === null ? null : problemId;
  return (
    <Inline space="space.150" alignBlock="center" shouldWrap testId="filter-custom-range">
      <DateInput
        label="From"
        testId="filter-range-from"
        value={draft.from}
        today={today}
        problemId={describedBy}
        onChange={(from) => onDraft({ ...draft, from })}
      />
      <DateInput
        label="To"
        testId="filter-range-to"
        value={draft.to}
        today={today}
        problemId={describedBy}
        onChange={(to) => onDraft({ ...draft, to })}
      />
      {problem !== null && (
        <p className="fm-filter-problem" id={problemId} role="alert" data-testid="filter-range-problem">
          {problem}
        </p>
      )}
    </Inline>
  );
}

/**
 * The filters that apply to every view: a period (a preset or custom dates), the issue types to include and,
 * where the stored history holds them, the facets (resolution, labels, components, parent).
 */
export function ReportFiltersBar({
  issueTypes,
  facets = null,
  filters,
  onChange,
  today,
  shownWindow,
}: {
  issueTypes: readonly string[];
  /** Each facet's values in this project with their item counts; null when the history holds no facets. */
  facets?: Record<FacetName, readonly FacetOption[]> | null;
  filters: ReportFilters;
  onChange: (filters: ReportFilters) => void;
  /** Today in the site's time zone (`YYYY-MM-DD`): custom periods end no later. */
  today: string;
  /** The period the views show now, to start a custom range from; null when there is none. */
  shownWindow: DateRange | null;
}) {
  // The facets' filters are drawn again only when their own props change (see `FacetFilter`): each is given one
  // callback for the page's life, which reads the filters of the latest render.
  const latest = useRef({ filters, onChange });
  useLayoutEffect(() => {
    latest.current = { filters, onChange };
  });
  const chooseFacet = useMemo(
    () =>
      Object.fromEntries(
        FACET_PARAMETERS.map(({ facet }) => [
          facet,
          (chosen: string[]) => latest.current.onChange({ ...latest.current.filters, [facet]: chosen }),
        ]),
      ) as Record<FacetName, (chosen: string[]) => void>,
    [],
  );
  // What the date inputs hold, valid or not; null while a preset is chosen.
  const [draft, setDraft] = useState<DateRange | null>(filters.customRange ?? null);
  const [problem, setProblem] = useState<string | null>(null);

  const toggle = (type: string, on: boolean) => {
    const chosen = new Set(filters.issueTypes);
    if (on) chosen.add(type);
    else chosen.delete(type);
    onChange({ ...filters, issueTypes: issueTypes.filter((t) => chosen.has(t)) });
  };
  const editRange = (next: DateRange) => {
    setDraft(next);
    const check = checkDateRange(next.from, next.to, today);
    setProblem(check.ok ? null : check.message);
    if (check.ok) onChange({ ...filters, customRange: check.range });
  };
  const choosePeriod = (value: string) => {
    if (value === CUSTOM) {
      editRange(filters.customRange ?? shownWindow ?? { from: today, to: today });
      return;
    }
    setDraft(null);
    setProblem(null);
    onChange({ ...filters, customRange: null, rangeDays: value === '' ? null : Number(value) });
  };
  let period = filters.rangeDays === null ? '' : String(filters.rangeDays);
  if (draft !== null || filters.customRange) period = CUSTOM;

  return (
    <Inline space="space.300" alignBlock="center" shouldWrap testId="report-filters">
      <label className="fm-filter">
        <Text size="small" weight="medium">
          Period
        </Text>
        <select
          className="fm-filter-select"
          data-testid="filter-range"
          value={period}
          onChange={(event) => choosePeriod(event.target.value)}
        >
          {RANGE_PRESETS.map((preset) => (
            <option key={preset.label} value={preset.days === null ? '' : String(preset.days)}>
              {preset.label}
            </option>
          ))}
          <option value={CUSTOM}>Custom dates</option>
        </select>
      </label>
      {draft !== null && <CustomRangeInputs draft={draft} today={today} problem={problem} onDraft={editRange} />}
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
      {facets !== null &&
        FACET_PARAMETERS.filter(({ facet }) => facets[facet].length > 0).map(({ facet, title, none }) => (
          <FacetFilter
            key={facet}
            title={title}
            noneLabel={none}
            testId={`filter-${facet}`}
            options={facets[facet]}
            chosen={filters[facet] ?? NONE_CHOSEN}
            onChange={chooseFacet[facet]}
          />
        ))}
    </Inline>
  );
}
