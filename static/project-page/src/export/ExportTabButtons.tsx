import Button from '@atlaskit/button/new';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Text } from '@atlaskit/primitives/compiled/text';
import { useRef, useState } from 'react';
import { exportCaption, exportFileName, type ExportSubject } from './export-caption';
import { saveFile } from '../../../common/save-file';
import { pngBlob, svgBlob } from './image-download';
import { tabImage } from './tab-image';

type Format = 'svg' | 'png';

/** The tab shown and its panel, found from the buttons: they sit in the same report as the tabs. */
function shownTab(from: Element | null): { label: string; panel: Element } | null {
  const report = from?.closest('[data-testid="flow-report"]');
  const tab = report?.querySelector('[role="tab"][aria-selected="true"]');
  const panel = report
    ? Array.from(report.querySelectorAll('[role="tabpanel"]')).find((candidate) => !candidate.hasAttribute('hidden'))
    : null;
  return tab && panel ? { label: tab.textContent ?? '', panel } : null;
}

/**
 * "Export as SVG" and "Export as PNG": the charts of the tab shown, with the filter and the conventions
 * written beneath them, made in the browser (nothing is sent anywhere) and downloaded.
 */
export function ExportTabButtons({ subject }: { subject: Omit<ExportSubject, 'tab'> | null }) {
  const anchor = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const exportAs = async (format: Format) => {
    setProblem(null);
    const shown = shownTab(anchor.current);
    if (!subject || !shown) return;
    const caption = exportCaption({ ...subject, tab: shown.label });
    const image = tabImage(shown.panel, [caption.filter, caption.conventions]);
    if (!image) {
      setProblem(`The ${shown.label} tab has no chart to export.`);
      return;
    }
    setBusy(true);
    try {
      const fileName = exportFileName({ ...subject, tab: shown.label }, format);
      saveFile(format === 'svg' ? svgBlob(image) : await pngBlob(image), fileName);
    } catch (error) {
      setProblem(`The image could not be made: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div ref={anchor} data-testid="export-tab">
      <Inline space="space.100" alignBlock="center">
        <Button spacing="compact" isDisabled={!subject || busy} onClick={() => void exportAs('svg')}>
          Export as SVG
        </Button>
        <Button spacing="compact" isDisabled={!subject || busy} onClick={() => void exportAs('png')}>
          Export as PNG
        </Button>
        {problem !== null && (
          <span role="status">
            <Text size="small" color="color.text.danger" testId="export-tab-problem">
              {problem}
            </Text>
          </span>
        )}
      </Inline>
    </div>
  );
}
