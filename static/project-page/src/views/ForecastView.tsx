import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import Heading from '@atlaskit/heading';
import type { FlowReport } from '../../../../src/domain';
import { EmptyView } from './EmptyView';
import { count } from './format';

/** The plain-language reading of the "how many" forecast at 85% confidence (or the highest below it). */
export function howManySentence(report: FlowReport): string | null {
  const howMany = report.forecast.howMany;
  if (howMany === null || howMany.table.length === 0) return null;
  const row = howMany.table.find((r) => r.confidence === 85) ?? howMany.table.at(-1)!;
  return `${row.confidence}% chance of ${count.format(row.items)} or more items by ${howMany.targetDate}.`;
}

export function whenSentence(report: FlowReport): string | null {
  const when = report.forecast.when;
  const row = when?.table.find((r) => r.confidence === 85) ?? when?.table.at(-1);
  if (!when || !row) return null;
  return row.date === null
    ? `The ${count.format(when.items)} items are unlikely to be done within the forecast's horizon.`
    : `${row.confidence}% chance that ${count.format(when.items)} items are done by ${row.date}.`;
}

/** Monte Carlo forecasts from past throughput: how many by a date, when N will be done, and how reliable. */
export function ForecastView({ report }: { report: FlowReport }) {
  const { forecast } = report;
  if (forecast.howMany === null && forecast.when === null) {
    return (
      <EmptyView
        testId="tab-panel-forecast"
        message={forecast.notes[0] ?? 'There is not enough finished work yet to forecast from.'}
      />
    );
  }
  const hitRate = forecast.backtest.hitRate;
  return (
    <Stack space="space.300" testId="tab-panel-forecast">
      {howManySentence(report) !== null && (
        <Text as="p" size="large" weight="medium" testId="forecast-how-many-sentence">
          {howManySentence(report)}
        </Text>
      )}
      {whenSentence(report) !== null && (
        <Text as="p" size="large" weight="medium" testId="forecast-when-sentence">
          {whenSentence(report)}
        </Text>
      )}
      {forecast.howMany !== null && (
        <Stack space="space.100">
          <Heading size="small" as="h2">
            How many items by {forecast.howMany.targetDate}
          </Heading>
          <table className="fm-table" data-testid="forecast-how-many-table">
            <thead>
              <tr>
                <th scope="col">Confidence</th>
                <th scope="col">At least</th>
              </tr>
            </thead>
            <tbody>
              {forecast.howMany.table.map((row) => (
                <tr key={row.confidence}>
                  <td>{row.confidence}%</td>
                  <td>{count.format(row.items)} items</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Stack>
      )}
      {forecast.when !== null && (
        <Stack space="space.100">
          <Heading size="small" as="h2">
            When {count.format(forecast.when.items)} items will be done
          </Heading>
          <table className="fm-table" data-testid="forecast-when-table">
            <thead>
              <tr>
                <th scope="col">Confidence</th>
                <th scope="col">Done by</th>
              </tr>
            </thead>
            <tbody>
              {forecast.when.table.map((row) => (
                <tr key={row.confidence}>
                  <td>{row.confidence}%</td>
                  <td>{row.date ?? 'beyond the horizon'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Stack>
      )}
      <Text as="p" color="color.text.subtle" testId="forecast-backtest">
        {hitRate === null
          ? 'Not enough history yet to check past forecasts.'
          : `Checked against the past ${forecast.backtest.weeks.length} weeks, the ${forecast.backtest.confidence}% forecast held ${Math.round(hitRate * 100)}% of the time (${forecast.backtest.hits} of ${forecast.backtest.weeks.length}).`}
      </Text>
      <Text as="p" size="small" color="color.text.subtle">
        {forecast.samplingWindow
          ? `Based on ${count.format(forecast.trials)} simulations sampling daily throughput from ${forecast.samplingWindow.from} to ${forecast.samplingWindow.to}.`
          : ''}
        {forecast.notes.length > 0 ? ` ${forecast.notes.join(' ')}` : ''}
      </Text>
    </Stack>
  );
}
