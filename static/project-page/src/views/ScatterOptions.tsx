import { Checkbox } from '@atlaskit/checkbox';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Text } from '@atlaskit/primitives/compiled/text';
import '../filter-fields.css';
import { ROLLING_PERCENTILE, ROLLING_WINDOWS } from './rolling-cycle-time';

export interface ScatterChoices {
  logScale: boolean;
  /** Items in the rolling percentile's window, or null for no rolling line. */
  rolling: number | null;
}

/** How the scatterplot is drawn: a logarithmic axis, and a rolling percentile over the last items. */
export function ScatterOptions({ choices, onChange }: { choices: ScatterChoices; onChange: (choices: ScatterChoices) => void }) {
  return (
    <Inline space="space.300" alignBlock="center" shouldWrap testId="scatter-options">
      <Checkbox
        label="Logarithmic scale"
        testId="scatter-log-scale"
        isChecked={choices.logScale}
        onChange={(event) => onChange({ ...choices, logScale: event.target.checked })}
      />
      <label className="fm-filter">
        <Text size="small" weight="medium">
          {`Rolling ${ROLLING_PERCENTILE}th percentile`}
        </Text>
        <select
          className="fm-filter-select"
          data-testid="scatter-rolling"
          value={choices.rolling === null ? '' : String(choices.rolling)}
          onChange={(event) => onChange({ ...choices, rolling: event.target.value === '' ? null : Number(event.target.value) })}
        >
          <option value="">Off</option>
          {ROLLING_WINDOWS.map((size) => (
            <option key={size} value={size}>{`Last ${size} items`}</option>
          ))}
        </select>
      </label>
    </Inline>
  );
}
