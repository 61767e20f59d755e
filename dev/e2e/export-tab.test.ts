import { expect } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import type { Frame, Page } from 'playwright-core';
import { describeViolations, seriousAccessibilityViolations } from '../testing/accessibility-audit';
import { projectPagePath } from './project-page-opener';
import { exportedIssues } from './jira-export';
import { e2eSuite } from './e2e-suite';
import { screenshotPath } from './screenshots';

jest.setTimeout(180_000);

/**
 * "Export as SVG / PNG" on the project page, end to end in headless Chromium on the simulated site: a click
 * downloads a file; the SVG is a well-formed document with the tab's charts and the caption (the filter and the
 * conventions); the PNG is that SVG painted at twice its size. No step may break the Content Security Policy.
 */
const PROJECT = 'FLOW';

const suite = e2eSuite({ site: 'synced' });

const openReport = (theme: 'light' | 'dark') =>
  suite.pages.open({ path: projectPagePath(PROJECT), theme, ready: { testId: 'flow-report', timeout: 60_000 } });

async function showTab(frame: Frame, label: string) {
  await frame.getByRole('tab', { name: label, exact: true }).click();
  await frame.locator('figure.fm-chart').first().waitFor({ timeout: 30_000 });
}

/** Clicks an export button and answers the downloaded file's name and bytes. */
async function download(page: Page, frame: Frame, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    frame.getByRole('button', { name: button }).click(),
  ]);
  const saved = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(saved) };
}

/** The PNG's size from its IHDR chunk (bytes 16–23, big-endian), as any image reader takes it. */
const pngSize = (bytes: Buffer) => ({
  signature: bytes.subarray(1, 4).toString('latin1'),
  width: bytes.readUInt32BE(16),
  height: bytes.readUInt32BE(20),
});

describe('exporting the tab shown', () => {
  it('downloads the Cycle time tab as an SVG with its caption, and as a PNG twice its size', async () => {
    const { page, frame } = await openReport('light');
    await showTab(frame, 'Cycle time');
    const shownPeriod = await frame.locator('figure.fm-chart').count();
    expect(shownPeriod).toBeGreaterThan(0);

    const svg = await download(page, frame, 'Export as SVG');
    expect(svg.name).toMatch(/^FLOW-cycle-time-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.svg$/);
    const text = svg.bytes.toString('utf8');
    // Parsed by the browser's own XML parser: a file another program can open.
    const parsed = await frame.evaluate((source) => {
      const document = new DOMParser().parseFromString(source, 'image/svg+xml');
      const root = document.documentElement;
      return {
        error: document.querySelector('parsererror')?.textContent ?? null,
        root: root.nodeName,
        width: Number(root.getAttribute('width')),
        height: Number(root.getAttribute('height')),
        charts: root.querySelectorAll(':scope > svg').length,
        paintedDots: root.querySelectorAll(':scope > image').length,
        caption: root.querySelector('[data-export-caption]')?.textContent ?? '',
        usesTokens: source.includes('var(--ds-'),
      };
    }, text);
    expect(parsed).toMatchObject({ error: null, root: 'svg', usesTokens: false });
    expect(parsed.charts).toBeGreaterThanOrEqual(1);
    expect(parsed.paintedDots).toBeGreaterThanOrEqual(1);
    for (const phrase of [
      'FLOW · Cycle time',
      'Period: ',
      'Issue types: ',
      'SLE: 85th percentile',
      'Working days: every day',
      'Time zone: UTC',
    ]) {
      expect(parsed.caption).toContain(phrase);
    }

    const png = await download(page, frame, 'Export as PNG');
    expect(png.name).toBe(svg.name.replace(/\.svg$/, '.png'));
    expect(pngSize(png.bytes)).toEqual({ signature: 'PNG', width: parsed.width * 2, height: parsed.height * 2 });
    // Kept beside the other tests' screenshots (test-results/, ignored by git) for a person to look at.
    await writeFile(screenshotPath('export-cycle-time.png'), png.bytes);
    await page.close();
  });

  it('writes the facets a link chose on the image, so a chart of some items is not taken for all of them', async () => {
    // The label Jira files most of FLOW's items under.
    const counts = new Map<string, number>();
    for (const issue of await exportedIssues(suite.site, PROJECT))
      for (const label of issue.labels) counts.set(label, (counts.get(label) ?? 0) + 1);
    const [label] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const { page, frame } = await suite.pages.open({
      path: projectPagePath(PROJECT, `?tab=cycle-time&label=${encodeURIComponent(label)}&label=`),
      ready: { testId: 'tab-panel-cycle-time', timeout: 60_000 },
    });
    await frame.locator('figure.fm-chart').first().waitFor({ timeout: 30_000 });
    const svg = await download(page, frame, 'Export as SVG');
    const caption = await frame.evaluate(
      (source) => new DOMParser().parseFromString(source, 'image/svg+xml').querySelector('[data-export-caption]')?.textContent ?? '',
      svg.bytes.toString('utf8'),
    );
    expect(caption).toContain(`Labels: ${label}, No label`);
    await page.close();
  });

  it('says so on a tab without a chart, and downloads nothing', async () => {
    const { page, frame } = await openReport('light');
    await frame.getByRole('tab', { name: 'Issues', exact: true }).click();
    await frame.getByTestId('issues-count').waitFor({ timeout: 30_000 });
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await frame.getByRole('button', { name: 'Export as SVG' }).click();
    await expect(frame.getByTestId('export-tab-problem').textContent()).resolves.toBe('The Issues tab has no chart to export.');
    expect(downloaded).toBe(false);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('keeps the page free of serious accessibility violations in %s mode', async (theme) => {
    const { page, frame } = await openReport(theme);
    await showTab(frame, 'Cycle time');
    const violations = await seriousAccessibilityViolations(frame);
    expect(describeViolations(violations)).toBe('');
    await page.close();
  });
});
