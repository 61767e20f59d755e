import { useId, useState } from 'react';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Text } from '@atlaskit/primitives/compiled/text';
import { isWholeWorkflow, type StageRange, type Workflow } from '../../../src/domain';
import './filter-fields.css';

/**
 * The stage range: which two stages the page measures between, the workflow's start and done by default.
 * A range that ends before it starts is explained beside the selects and not applied.
 */
export function StageRangeFilter({
  workflow,
  range,
  onChange,
}: {
  workflow: Workflow;
  range: StageRange | null;
  onChange: (range: StageRange | null) => void;
}) {
  const stages = workflow.stages.map((stage) => stage.name);
  const [draft, setDraft] = useState<StageRange>(range ?? { from: workflow.startStage, to: workflow.doneStage });
  const problemId = useId();
  const problem = stages.indexOf(draft.to) <= stages.indexOf(draft.from) ? `Choose an end stage after ${draft.from}.` : null;
  const choose = (next: StageRange) => {
    setDraft(next);
    if (stages.indexOf(next.to) > stages.indexOf(next.from)) onChange(isWholeWorkflow(workflow, next) ? null : next);
  };
  const select = (label: string, testId: string, value: string, options: readonly string[], set: (value: string) => void) => (
    <label className="fm-filter">
      <Text size="small" weight="medium">
        {label}
      </Text>
      <select
        className="fm-filter-select"
        data-testid={testId}
        value={value}
        aria-invalid={problem !== null}
        aria-describedby={problem === null ? undefined : problemId}
        onChange={(event) => set(event.target.value)}
      >
        {options.map((stage) => (
          <option key={stage} value={stage}>
            {stage}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Inline space="space.150" alignBlock="center" shouldWrap testId="filter-stage-range">
      {select('Measure from entering', 'filter-stage-from', draft.from, stages.slice(0, -1), (from) => choose({ ...draft, from }))}
      {select('to entering', 'filter-stage-to', draft.to, stages.slice(1), (to) => choose({ ...draft, to }))}
      <Text
        size="small"
        color={problem === null ? 'color.text.subtle' : 'color.text.danger'}
        id={problemId}
        testId="filter-stage-range-note"
      >
        {problem ??
          (range === null
            ? "The workflow's own start and done stages."
            : 'Every tab but the Forecast measures between these stages: cycle time, throughput, work in progress, aging and time in stage.')}
      </Text>
    </Inline>
  );
}
