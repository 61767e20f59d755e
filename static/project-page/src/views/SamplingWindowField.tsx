import { useId, useState } from 'react';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { DayInput } from '../DayInput';
import { MIN_SAMPLING_DAYS, type SamplingWindowChoice } from '../../../../src/domain';
import { checkSamplingChoice, SAMPLING_PRESETS } from './forecast-questions';

/** How the reader names the sampling window: the project's setting, a preset, a number of days, or two dates. */
type WindowMode = 'configured' | `last-${number}` | 'days' | 'range';

/** How the field shows a window: a preset when it is one, else the days typed or the dates. */
function modeOf(choice: SamplingWindowChoice | null): WindowMode {
  if (choice === null) return 'configured';
  if ('lastDays' in choice) return SAMPLING_PRESETS.includes(choice.lastDays) ? `last-${choice.lastDays}` : 'days';
  return 'range';
}

/**
 * "Sample throughput from": the days whose throughput the simulated futures replay, chosen apart from the page's
 * period filter (a forecast is about the team's recent pace, whatever period the charts show). What is wrong
 * with a choice is said beside it, and the forecast keeps the last valid one.
 * @param onChoose called with each valid choice; null for the project's configured window.
 */
export function SamplingWindowField({
  sampleable,
  configuredDays,
  initial = null,
  onChoose,
}: {
  sampleable: { from: string; to: string } | null;
  configuredDays: number | null;
  /** The window chosen when the field appears (a link's), checked as a choice typed in is; null for the project's setting. */
  initial?: SamplingWindowChoice | null;
  onChoose: (choice: SamplingWindowChoice | null) => void;
}) {
  const problemId = useId();
  const [mode, setMode] = useState<WindowMode>(() => modeOf(initial));
  const [daysDraft, setDaysDraft] = useState(initial !== null && 'lastDays' in initial ? String(initial.lastDays) : '60');
  const [fromDraft, setFromDraft] = useState(initial !== null && 'from' in initial ? initial.from : (sampleable?.from ?? ''));
  const [toDraft, setToDraft] = useState(initial !== null && 'to' in initial ? initial.to : (sampleable?.to ?? ''));

  const choiceOf = (next: WindowMode, days: string, from: string, to: string): SamplingWindowChoice | null => {
    if (next === 'configured') return null;
    if (next === 'range') return { from, to };
    const typed = next === 'days' ? days.trim() : next.slice('last-'.length);
    return { lastDays: typed === '' ? Number.NaN : Number(typed) };
  };
  const choice = choiceOf(mode, daysDraft, fromDraft, toDraft);
  const check = choice === null ? null : checkSamplingChoice(choice, sampleable);
  const problem = check !== null && !check.ok ? check.message : null;

  const edit = (next: WindowMode, days = daysDraft, from = fromDraft, to = toDraft) => {
    setMode(next);
    setDaysDraft(days);
    setFromDraft(from);
    setToDraft(to);
    const chosen = choiceOf(next, days, from, to);
    if (chosen === null) onChoose(null);
    else if (checkSamplingChoice(chosen, sampleable).ok) onChoose(chosen);
  };
  const described = problem === null ? undefined : problemId;

  return (
    <Stack space="space.050" testId="forecast-sampling">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <label className="fm-filter">
          <Text size="small" weight="medium">
            Sample throughput from
          </Text>
          <select
            className="fm-filter-select"
            data-testid="forecast-sampling-mode"
            value={mode}
            aria-invalid={mode !== 'days' && mode !== 'range' && described !== undefined}
            aria-describedby={mode !== 'days' && mode !== 'range' ? described : undefined}
            onChange={(event) => edit(event.target.value as WindowMode)}
          >
            <option value="configured">
              {configuredDays === null ? "The project's setting" : `The project's setting (last ${configuredDays} days)`}
            </option>
            {SAMPLING_PRESETS.map((days) => (
              <option key={days} value={`last-${days}`}>
                Last {days} days
              </option>
            ))}
            <option value="days">Last … days</option>
            <option value="range">Dates…</option>
          </select>
        </label>
        {mode === 'days' && (
          <label className="fm-filter">
            <Text size="small">Days</Text>
            <input
              type="number"
              className="fm-filter-date fm-forecast-items"
              data-testid="forecast-sampling-days"
              value={daysDraft}
              min={MIN_SAMPLING_DAYS}
              step={1}
              inputMode="numeric"
              required
              aria-invalid={described !== undefined}
              aria-describedby={described}
              onChange={(event) => edit('days', event.target.value)}
            />
          </label>
        )}
        {mode === 'range' && (
          <>
            <label className="fm-filter">
              <Text size="small">From</Text>
              <DayInput
                testId="forecast-sampling-from"
                value={fromDraft}
                min={sampleable?.from}
                max={sampleable?.to}
                required
                problemId={described}
                onChange={(from) => edit('range', daysDraft, from)}
              />
            </label>
            <label className="fm-filter">
              <Text size="small">To</Text>
              <DayInput
                testId="forecast-sampling-to"
                value={toDraft}
                min={sampleable?.from}
                max={sampleable?.to}
                required
                problemId={described}
                onChange={(to) => edit('range', daysDraft, fromDraft, to)}
              />
            </label>
          </>
        )}
      </Inline>
      {problem !== null && (
        <p className="fm-filter-problem" id={problemId} role="alert" data-testid="forecast-sampling-problem">
          {problem}
        </p>
      )}
    </Stack>
  );
}
