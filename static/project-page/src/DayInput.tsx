import './filter-fields.css';

/**
 * A day the reader picks: the browser's own date input, which shows the day in the reader's locale, follows the
 * page's theme (filter-fields.css) without injecting styles, and gives back the ISO day (yyyy-mm-dd) that every
 * filter and question holds. `problemId` names the element saying what is wrong with the day, when something is.
 */
export function DayInput({
  testId,
  value,
  min,
  max,
  required = false,
  problemId,
  onChange,
}: {
  testId: string;
  value: string;
  min?: string;
  max?: string;
  required?: boolean;
  problemId?: string;
  onChange: (day: string) => void;
}) {
  return (
    <input
      type="date"
      className="fm-filter-date"
      data-testid={testId}
      value={value}
      min={min}
      max={max}
      required={required}
      aria-invalid={problemId !== undefined}
      aria-describedby={problemId}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
