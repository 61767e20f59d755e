import { useEffect, useId, useState, type ReactNode } from 'react';
import Spinner from '@atlaskit/spinner';
import Heading from '@atlaskit/heading';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { dayToIsoDate, isoDateToDay, type ForecastQuestions, type ForecastSection, type OutcomeBin } from '../../../../src/domain';
import { formatDate } from '../../../common/format-date-time';
import { LoadingState } from '../../../common/LoadingState';
import { BarChart, type BarMark } from '../charts/BarChart';
import { ChartFrame } from '../charts/ChartFrame';
import { todayIn } from '../date-range';
import { DayInput } from '../DayInput';
import '../filter-fields.css';
import './ForecastView.css';
import { EmptyView } from './EmptyView';
import {
  checkItemCount,
  checkSamplingChoice,
  checkStartDate,
  checkTargetDate,
  MAX_FORECAST_DAYS_AHEAD,
  MAX_FORECAST_ITEMS,
} from './forecast-questions';
import { count, counted, shortDate } from './format';
import { countRemainingWorkInJira, RemainingWorkField, type CountRemainingWork } from './RemainingWorkField';
import { SamplingWindowField } from './SamplingWindowField';
import type { PageReport } from '../report-worker-protocol';
import { useTabOptions, type ChangeTabOptions, type TabOptions } from '../tab-options';

/** The confidence level the sentences quote: the one teams most often commit to. */
const QUOTED_CONFIDENCE = 85;
/** The confidence levels marked on the distributions: the ones teams quote. */
const MARKED_CONFIDENCES = [50, QUOTED_CONFIDENCE, 95];

const share = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** The plain-language reading of the "how many" forecast at the quoted confidence (or the highest below it). */
export function howManySentence(forecast: ForecastSection): string | null {
  const howMany = forecast.howMany;
  if (howMany === null || howMany.table.length === 0) return null;
  const row = howMany.table.find((r) => r.confidence === QUOTED_CONFIDENCE) ?? howMany.table.at(-1)!;
  const by = formatDate(howMany.targetDate);
  // "85% chance of 0 or more items" is true of any date: say instead that even one item is not that likely.
  if (row.items === 0) return `Less than ${row.confidence}% chance that even one item is done by ${by}.`;
  return `${row.confidence}% chance of ${count.format(row.items)} or more items by ${by}.`;
}

function whenSentence(forecast: ForecastSection): string | null {
  const when = forecast.when;
  const row = when?.table.find((r) => r.confidence === QUOTED_CONFIDENCE) ?? when?.table.at(-1);
  if (!when || !row) return null;
  return row.date === null
    ? `The ${counted(when.items, 'item')} ${when.items === 1 ? 'is' : 'are'} unlikely to be done within the forecast's horizon.`
    : `${row.confidence}% chance that ${counted(when.items, 'item')} ${when.items === 1 ? 'is' : 'are'} done by ${formatDate(row.date)}.`;
}

function whenAtQuotedConfidence(forecast: ForecastSection): string {
  const date = forecast.when?.table.find((row) => row.confidence === QUOTED_CONFIDENCE)?.date ?? null;
  return date === null ? 'beyond the horizon' : `by ${formatDate(date)}`;
}

/** The span of a sampling window as a reader counts it: whole weeks when it is a number of weeks, else days. */
function samplingSpan(days: number): string {
  if (days % 7 === 0) return days === 7 ? '1 week' : `${count.format(days / 7)} weeks`;
  return days === 1 ? '1 day' : `${count.format(days)} days`;
}

/** Where the futures' throughput comes from, as the charts say it: "sampled from 12 weeks, 1 Sep 2026 – 30 Nov 2026". */
function sampledFrom(forecast: ForecastSection): string {
  const window = forecast.samplingWindow;
  if (window === null) return '';
  return `sampled from ${samplingSpan(window.days)}, ${formatDate(window.from)} – ${formatDate(window.to)}`;
}

/** The bin an outcome fell in, for marking it; -1 when none holds it. */
const binOf = (outcomes: readonly OutcomeBin[], value: number) => outcomes.findIndex((bin) => bin.from <= value && value < bin.to);

/**
 * The marked confidence levels as marks on a distribution, each on the bin its outcome fell in. A level
 * without an outcome (not reached within the horizon) or outside every bin has no mark. Levels that fall in
 * the same bin share one mark, labelled with both, so their labels are never drawn on top of each other.
 */
export function confidenceMarks<Row extends { confidence: number }>(
  outcomes: readonly OutcomeBin[],
  rows: readonly Row[],
  outcomeOf: (row: Row) => number | null,
  label: (row: Row) => string,
): BarMark[] {
  const marks: BarMark[] = [];
  for (const row of rows) {
    const outcome = outcomeOf(row);
    if (!MARKED_CONFIDENCES.includes(row.confidence) || outcome === null) continue;
    const at = binOf(outcomes, outcome);
    if (at < 0) continue;
    const shared = marks.find((mark) => mark.at === at);
    if (shared) shared.label = `${shared.label}; ${row.confidence}%: ${label(row)}`;
    else marks.push({ at, label: `${row.confidence}%: ${label(row)}` });
  }
  return marks;
}

function binLabel(bin: OutcomeBin, label: (value: number) => string): string {
  return bin.to - bin.from === 1 ? label(bin.from) : `${label(bin.from)}–${label(bin.to - 1)}`;
}

/** The simulated futures as bars, in percent of all of them: the distribution the confidence table reads. */
function OutcomeChart({
  testId,
  title,
  summary,
  outcomes,
  marks,
  outcomeLabel,
  outcomeName,
  trials,
}: {
  testId: string;
  title: string;
  summary: string;
  outcomes: readonly OutcomeBin[];
  marks: BarMark[];
  outcomeLabel: (value: number) => string;
  outcomeName: string;
  trials: number;
}) {
  const bars = outcomes.map((bin) => ({ label: binLabel(bin, outcomeLabel), value: (bin.trials / trials) * 100 }));
  return (
    <ChartFrame
      testId={testId}
      title={title}
      summary={summary}
      table={{
        caption: `Simulated futures by ${outcomeName}`,
        columns: [outcomeName[0]!.toUpperCase() + outcomeName.slice(1), 'Futures', 'Share of futures (%)'],
        rows: outcomes.map((bin, k) => [bars[k]!.label, bin.trials, share.format(bars[k]!.value)]),
      }}
    >
      <BarChart bars={bars} marks={marks} yLabel="% of futures" />
    </ChartFrame>
  );
}

/** A forecast's confidence table: at each confidence level, the answer that share of the simulated futures reached. */
function ConfidenceTable({
  testId,
  answerHeader,
  rows,
}: {
  testId: string;
  answerHeader: string;
  rows: readonly { confidence: number; answer: string }[];
}) {
  return (
    <table className="fm-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Confidence</th>
          <th scope="col">{answerHeader}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.confidence}>
            <td>{row.confidence}%</td>
            <td>{row.answer}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A question's input with its label, and what is wrong with it, if anything is. */
function QuestionInput({
  label,
  testId,
  problem,
  children,
}: {
  label: string;
  testId: string;
  problem: string | null;
  children: (problemId: string | undefined) => ReactNode;
}) {
  const problemId = useId();
  return (
    <Stack space="space.050">
      <label className="fm-filter">
        <Text size="small" weight="medium">
          {label}
        </Text>
        {children(problem === null ? undefined : problemId)}
      </label>
      {problem !== null && (
        <p className="fm-filter-problem" id={problemId} role="alert" data-testid={`${testId}-problem`}>
          {problem}
        </p>
      )}
    </Stack>
  );
}

/** The forecast of the issue types chosen, for the questions given: computed off the page's thread. */
export type AskForecast = (questions: ForecastQuestions) => Promise<ForecastSection>;

/** An answer of `ask`, or the reason there is none; null while it is computed. */
function useForecast(ask: AskForecast, questions: ForecastQuestions): { forecast: ForecastSection } | { problem: string } | null {
  const [answer, setAnswer] = useState<{ forecast: ForecastSection } | { problem: string } | null>(null);
  useEffect(() => {
    let current = true;
    ask(questions).then(
      (forecast) => current && setAnswer({ forecast }),
      (cause: unknown) => current && setAnswer({ problem: cause instanceof Error ? cause.message : 'The forecast could not be computed.' }),
    );
    return () => {
      current = false;
    };
  }, [ask, questions]);
  return answer;
}

const CONFIGURED_QUESTIONS: ForecastQuestions = {};

/**
 * Monte Carlo forecasts from past throughput: how many items by a date and when a number of items will be
 * done, both chosen by the reader (the configured questions at first), with the distribution of the
 * simulated futures, the confidence tables, and how reliable past forecasts were. The simulations run off
 * the page's thread (see `forecast-runner.ts`): the page stays responsive while they run.
 * @param ask the forecast of the report's issue types for the questions given.
 */
export function ForecastView({
  report,
  ask,
  projectKey,
  countRemaining = countRemainingWorkInJira,
  options,
  onOptionsChange,
}: {
  report: PageReport;
  ask: AskForecast;
  /** The page's project: the remaining work is counted within it. */
  projectKey: string;
  countRemaining?: CountRemainingWork;
  /** The forecast's settings and questions, of the page's tab options (written to its URL) when it gives them. */
  options?: TabOptions;
  onOptionsChange?: ChangeTabOptions;
}) {
  const answer = useForecast(ask, CONFIGURED_QUESTIONS);
  if (answer === null) return <LoadingState label="Simulating futures from past throughput" />;
  if ('problem' in answer) return <EmptyView testId="tab-panel-forecast" message={answer.problem} />;
  const configured = answer.forecast;
  if (configured.howMany === null && configured.when === null) {
    return (
      <EmptyView testId="tab-panel-forecast" message={configured.notes[0] ?? 'There is not enough finished work yet to forecast from.'} />
    );
  }
  return (
    <ForecastAnswers
      report={report}
      ask={ask}
      configured={configured}
      projectKey={projectKey}
      countRemaining={countRemaining}
      options={options}
      onOptionsChange={onOptionsChange}
    />
  );
}

/**
 * The questions the options ask, each as its input checks it: one that cannot be asked (a link's target
 * before its start, a sampling window the history cannot give) is left to the configured one, and its input
 * says why.
 */
function questionsOf(options: TabOptions, today: string, sampleable: ForecastSection['sampleable']): ForecastQuestions {
  const questions: ForecastQuestions = {};
  const start = options.start !== null && checkStartDate(options.start, today).ok ? options.start : null;
  if (start !== null) questions.startDate = start;
  if (options.by !== null && checkTargetDate(options.by, today, start ?? today).ok) questions.targetDate = options.by;
  if (options.items !== null) questions.items = options.items;
  if (options.sampling !== null && checkSamplingChoice(options.sampling, sampleable).ok) questions.samplingWindow = options.sampling;
  return questions;
}

/** The questions a reader asks, and the forecast answering the last valid ones (the configured one at first). */
function ForecastAnswers({
  report,
  ask,
  configured,
  projectKey,
  countRemaining,
  options: givenOptions,
  onOptionsChange,
}: {
  report: PageReport;
  ask: AskForecast;
  configured: ForecastSection;
  projectKey: string;
  countRemaining: CountRemainingWork;
  options: TabOptions | undefined;
  onOptionsChange: ChangeTabOptions | undefined;
}) {
  const today = todayIn(report.generated.timeZone, Date.parse(report.generated.now));
  const tomorrow = dayToIsoDate(isoDateToDay(today)! + 1);
  const latest = dayToIsoDate(isoDateToDay(today)! + MAX_FORECAST_DAYS_AHEAD);
  const [options, changeOptions] = useTabOptions(givenOptions, onOptionsChange);
  // What the inputs hold, valid or not (a link's values at first); the questions asked are the last valid ones.
  const [dateDraft, setDateDraft] = useState(options.by ?? configured.howMany?.targetDate ?? tomorrow);
  const [itemsDraft, setItemsDraft] = useState(String(options.items ?? configured.when?.items ?? 10));
  const [startDraft, setStartDraft] = useState(options.start ?? today);
  const [questions, setQuestions] = useState<ForecastQuestions>(() => questionsOf(options, today, configured.sampleable));
  const startCheck = checkStartDate(startDraft, today);
  // The target is checked against the start asked (the last valid one), so the two never disagree.
  const dateCheck = checkTargetDate(dateDraft, today, questions.startDate ?? today);
  const itemsCheck = checkItemCount(itemsDraft);
  const answer = useForecast(ask, questions);
  // Until the answer to new questions arrives, the last one stays, marked as being brought up to date.
  const [shown, setShown] = useState<ForecastSection>(configured);
  useEffect(() => {
    if (answer !== null && 'forecast' in answer) setShown(answer.forecast);
  }, [answer]);
  const forecast = answer !== null && 'forecast' in answer ? answer.forecast : shown;
  const computing = answer === null;
  const problem = answer !== null && 'problem' in answer ? answer.problem : null;

  // Each valid question is asked, and written to the page's URL.
  const editDate = (value: string) => {
    setDateDraft(value);
    const check = checkTargetDate(value, today);
    if (!check.ok) return;
    setQuestions((asked) => ({ ...asked, targetDate: check.value }));
    changeOptions({ by: check.value });
  };
  const editItems = (value: string) => {
    setItemsDraft(value);
    const check = checkItemCount(value);
    if (!check.ok) return;
    setQuestions((asked) => ({ ...asked, items: check.value }));
    changeOptions({ items: check.value });
  };
  const editStart = (value: string) => {
    setStartDraft(value);
    const check = checkStartDate(value, today);
    if (!check.ok) return;
    // A target before a later start would be refused: it moves to the start, as a reader expects.
    const moveTarget = check.value > today && dateDraft < check.value;
    if (moveTarget) setDateDraft(check.value);
    setQuestions((asked) => ({ ...asked, startDate: check.value, ...(moveTarget ? { targetDate: check.value } : {}) }));
    changeOptions({ start: check.value === today ? null : check.value, ...(moveTarget ? { by: check.value } : {}) });
  };
  const chooseWindow = (samplingWindow: ForecastQuestions['samplingWindow'] | null) => {
    setQuestions(({ samplingWindow: _dropped, ...asked }) => (samplingWindow === null ? asked : { ...asked, samplingWindow }));
    changeOptions({ sampling: samplingWindow ?? null });
  };
  const takeCount = (items: number) => editItems(String(items));

  const { howMany, when } = forecast;
  const firstSimulatedDay = isoDateToDay(forecast.firstSimulatedDay)!;
  const sampled = sampledFrom(forecast);
  const startsLater = forecast.startDate !== today;
  const hitRate = forecast.backtest.hitRate;
  return (
    <Stack space="space.300" testId="tab-panel-forecast">
      <div aria-live="polite" className="fm-forecast-status" data-testid="forecast-status">
        {computing ? (
          <Inline space="space.100" alignBlock="center">
            <Spinner size="small" label="Simulating" />
            <Text size="small" color="color.text.subtle">
              Simulating futures for these questions…
            </Text>
          </Inline>
        ) : problem !== null ? (
          <Text size="small" color="color.text.danger">
            {problem}
          </Text>
        ) : null}
      </div>
      <Inline space="space.300" alignBlock="start" shouldWrap testId="forecast-settings">
        <SamplingWindowField
          sampleable={forecast.sampleable}
          configuredDays={configured.samplingWindow?.days ?? null}
          initial={options.sampling}
          onChoose={chooseWindow}
        />
        <QuestionInput label="Starting on" testId="forecast-start-date" problem={startCheck.ok ? null : startCheck.message}>
          {(problemId) => (
            <DayInput
              testId="forecast-start-date"
              value={startDraft}
              min={today}
              max={latest}
              required
              problemId={problemId}
              onChange={editStart}
            />
          )}
        </QuestionInput>
      </Inline>
      <Inline space="space.300" alignBlock="start" shouldWrap testId="forecast-questions">
        <QuestionInput label="How many items by" testId="forecast-target-date" problem={dateCheck.ok ? null : dateCheck.message}>
          {(problemId) => (
            <DayInput
              testId="forecast-target-date"
              value={dateDraft}
              min={tomorrow}
              max={latest}
              required
              problemId={problemId}
              onChange={editDate}
            />
          )}
        </QuestionInput>
        <QuestionInput
          label="When will this many items be done"
          testId="forecast-items"
          problem={itemsCheck.ok ? null : itemsCheck.message}
        >
          {(problemId) => (
            <input
              type="number"
              className="fm-filter-date fm-forecast-items"
              data-testid="forecast-items"
              value={itemsDraft}
              min={1}
              max={MAX_FORECAST_ITEMS}
              step={1}
              required
              inputMode="numeric"
              aria-invalid={problemId !== undefined}
              aria-describedby={problemId}
              onChange={(event) => editItems(event.target.value)}
            />
          )}
        </QuestionInput>
        <RemainingWorkField
          projectKey={projectKey}
          count={countRemaining}
          initial={options.remaining}
          onCounted={takeCount}
          onSourceChange={(remaining) => changeOptions({ remaining })}
        />
      </Inline>
      {howManySentence(forecast) !== null && (
        <Text as="p" size="large" weight="medium" testId="forecast-how-many-sentence">
          {howManySentence(forecast)}
        </Text>
      )}
      {whenSentence(forecast) !== null && (
        <Text as="p" size="large" weight="medium" testId="forecast-when-sentence">
          {whenSentence(forecast)}
        </Text>
      )}
      {howMany !== null && (
        <Stack space="space.100">
          <Heading size="small" as="h2">
            How many items by {formatDate(howMany.targetDate)}
            {startsLater ? `, starting ${formatDate(forecast.startDate)}` : ''}
          </Heading>
          <OutcomeChart
            testId="chart-forecast-how-many"
            title={`Items finished by ${formatDate(howMany.targetDate)} in ${count.format(forecast.trials)} simulated futures, ${sampled}`}
            summary={`The dashed lines mark the confidence levels: at ${QUOTED_CONFIDENCE}%, ${count.format(
              howMany.table.find((row) => row.confidence === QUOTED_CONFIDENCE)?.items ?? 0,
            )} or more items, since ${QUOTED_CONFIDENCE}% of the futures finished at least that many.`}
            outcomes={howMany.outcomes}
            marks={confidenceMarks(
              howMany.outcomes,
              howMany.table,
              (row) => row.items,
              (row) => `${count.format(row.items)}+`,
            )}
            outcomeLabel={(items) => count.format(items)}
            outcomeName="items finished"
            trials={forecast.trials}
          />
          <ConfidenceTable
            testId="forecast-how-many-table"
            answerHeader="At least"
            rows={howMany.table.map((row) => ({ confidence: row.confidence, answer: counted(row.items, 'item') }))}
          />
        </Stack>
      )}
      {when !== null && (
        <Stack space="space.100">
          <Heading size="small" as="h2">
            When {counted(when.items, 'item')} will be done
            {startsLater ? `, starting ${formatDate(forecast.startDate)}` : ''}
          </Heading>
          <OutcomeChart
            testId="chart-forecast-when"
            title={`Day the ${counted(when.items, 'item')} ${when.items === 1 ? 'is' : 'are'} done in ${count.format(forecast.trials)} simulated futures, ${sampled}`}
            summary={`The dashed lines mark the confidence levels: at ${QUOTED_CONFIDENCE}%, ${whenAtQuotedConfidence(forecast)}, since ${QUOTED_CONFIDENCE}% of the futures were done by then.`}
            outcomes={when.outcomes}
            marks={confidenceMarks(
              when.outcomes,
              when.table,
              (row) => row.days,
              (row) => shortDate(row.date!),
            )}
            outcomeLabel={(days) => shortDate(dayToIsoDate(firstSimulatedDay + days - 1))}
            outcomeName="day done"
            trials={forecast.trials}
          />
          <ConfidenceTable
            testId="forecast-when-table"
            answerHeader="Done by"
            rows={when.table.map((row) => ({
              confidence: row.confidence,
              answer: row.date === null ? 'beyond the horizon' : formatDate(row.date),
            }))}
          />
        </Stack>
      )}
      <Text as="p" color="color.text.subtle" testId="forecast-backtest">
        {hitRate === null
          ? 'Not enough history yet to check past forecasts.'
          : `Checked against the past ${forecast.backtest.weeks.length} weeks, the ${forecast.backtest.confidence}% forecast held ${Math.round(hitRate * 100)}% of the time (${forecast.backtest.hits} of ${forecast.backtest.weeks.length}).`}
      </Text>
      <Text as="p" size="small" color="color.text.subtle">
        {forecast.samplingWindow
          ? `Based on ${count.format(forecast.trials)} simulations sampling daily throughput from ${formatDate(forecast.samplingWindow.from)} to ${formatDate(forecast.samplingWindow.to)}.`
          : ''}
        {forecast.notes.length > 0 ? ` ${forecast.notes.join(' ')}` : ''}
      </Text>
    </Stack>
  );
}
