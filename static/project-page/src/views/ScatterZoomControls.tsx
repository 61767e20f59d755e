import Button from '@atlaskit/button/new';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Text } from '@atlaskit/primitives/compiled/text';
import { dayToIsoDate } from '../../../../src/domain';
import { formatDate } from '../../../common/format-date-time';
import { pan, zoomIn, zoomOut, type DayRange } from './scatter-zoom';

const written = (day: number) => formatDate(dayToIsoDate(day));

/**
 * The scatterplot's zoom by buttons, for the keyboard and for anyone who does not drag: zoom in and out around
 * the middle, move earlier and later, and back to the whole period. Says which dates are shown.
 */
export function ScatterZoomControls({
  zoom,
  period,
  onChange,
}: {
  zoom: DayRange | null;
  period: DayRange;
  onChange: (zoom: DayRange | null) => void;
}) {
  const shown = zoom ?? period;
  const narrowest = shown.to - shown.from + 1 <= 7;
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap testId="scatter-zoom">
      <Text size="small" weight="medium" id="scatter-zoom-label">
        Dates
      </Text>
      <Button spacing="compact" isDisabled={narrowest} onClick={() => onChange(zoomIn(zoom, period))}>
        Zoom in
      </Button>
      <Button spacing="compact" isDisabled={zoom === null} onClick={() => onChange(zoomOut(zoom, period))}>
        Zoom out
      </Button>
      <Button spacing="compact" isDisabled={zoom === null || zoom.from <= period.from} onClick={() => onChange(pan(zoom, period, -1))}>
        Earlier
      </Button>
      <Button spacing="compact" isDisabled={zoom === null || zoom.to >= period.to} onClick={() => onChange(pan(zoom, period, 1))}>
        Later
      </Button>
      <Button spacing="compact" appearance="subtle" isDisabled={zoom === null} onClick={() => onChange(null)}>
        Reset zoom
      </Button>
      <span role="status" data-from={dayToIsoDate(shown.from)} data-to={dayToIsoDate(shown.to)} data-testid="scatter-zoom-range">
        <Text size="small" color="color.text.subtle" testId="scatter-zoom-shown">
          {zoom === null
            ? 'The whole period; drag across the chart to zoom into dates.'
            : `Showing ${written(zoom.from)} to ${written(zoom.to)}.`}
        </Text>
      </span>
    </Inline>
  );
}
