import { memo } from 'react';
import { Text } from '@atlaskit/primitives/compiled/text';
import { NO_FACET_VALUE } from '../../../src/domain';
import { count } from './views/format';

/** One value a facet filter offers, with the number of items that have it. */
export interface FacetOption {
  value: string;
  issues: number;
}

/**
 * A filter on one facet (resolution, labels, components or parent): a disclosure whose summary says what is
 * chosen, holding a checkbox per value, most used first. Native elements, so it follows the theme and
 * injects no styles (the page's style policy allows none inline).
 *
 * Drawn again only when its own props change: a big project's parent filter holds a thousand checkboxes, most
 * of the page's elements, and every other filter change or report drawn would otherwise redraw them all.
 */
export const FacetFilter = memo(function FacetFilter({
  title,
  noneLabel,
  testId,
  options,
  chosen,
  onChange,
}: {
  /** The facet's name, as the summary starts ("Labels"). */
  title: string;
  /** How "none" reads for this facet ("No label"). */
  noneLabel: string;
  testId: string;
  options: readonly FacetOption[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
}) {
  const labelOf = (value: string) => (value === NO_FACET_VALUE ? noneLabel : value);
  const toggle = (value: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(value);
    else next.delete(value);
    onChange(options.map((option) => option.value).filter((candidate) => next.has(candidate)));
  };
  const summary = chosen.length === 0 ? 'all' : chosen.length === 1 ? labelOf(chosen[0]!) : `${chosen.length} chosen`;
  return (
    <details className="fm-filter-facet" data-testid={testId}>
      <summary>
        <Text size="small" weight="medium">
          {title}:
        </Text>{' '}
        <Text size="small">{summary}</Text>
      </summary>
      <div className="fm-filter-facet-options" role="group" aria-label={title}>
        {options.map((option) => (
          <label key={option.value} className="fm-filter-check">
            <input
              type="checkbox"
              checked={chosen.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <Text size="small">{`${labelOf(option.value)} (${count.format(option.issues)})`}</Text>
          </label>
        ))}
      </div>
    </details>
  );
});
