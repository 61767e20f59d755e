import { expect } from '@jest/globals';
import type { Frame } from 'playwright-core';
import { describeViolations, seriousAccessibilityViolations } from '../testing/accessibility-audit';
import { projectPagePath } from './project-page-opener';
import { ascending, dayOf, inclusiveDays, measured, nearestRank } from './default-conventions';
import { e2eSuite } from './e2e-suite';

jest.setTimeout(180_000);

/**
 * The scatterplot's rolling 85th percentile (as Jira's Control Chart draws its rolling average) end to end in
 * headless Chromium on the simulated site. The page documents it as "the 85th percentile of the last N items
 * finished at each point": for each finished item, in the order items finished, the 85th percentile of the cycle
 * times of the last N items up to and including it, drawn at the day it finished, from the N-th item on. Here
 * that is worked out from Jira's export by the page's default conventions (`default-conventions.ts`), and held
 * against the line as drawn: its height read against the scatterplot's 50th and 95th percentile lines (worked out
 * from the export as well), its dates against the days the items finished. The page opens without epics, on the
 * whole history.
 */
const PROJECT = 'FLOW';
const SCATTER = '[data-testid="chart-cycle-time-scatter"]';

const suite = e2eSuite({ site: 'synced', exported: { project: PROJECT, countedByDefault: true } });
/** The items finished, in the order they finished (by the instant, then by key), each with its day and cycle time. */
let finished: Array<{ key: string; day: number; cycleTime: number }>;

beforeAll(() => {
  const keyNumber = (key: string) => Number(key.slice(key.indexOf('-') + 1));
  finished = suite.issues
    .map(measured)
    .filter((item) => item.done !== null && item.start !== null)
    .sort((a, b) => a.done! - b.done! || keyNumber(a.issue.key) - keyNumber(b.issue.key))
    .map((item) => ({ key: item.issue.key, day: dayOf(item.done!), cycleTime: inclusiveDays(item.start!, item.done!) }));
});

/** The rolling 85th percentile at each finished item from the `size`-th on: of that item's and the `size - 1` before it. */
function rollingP85(size: number): Array<{ day: number; value: number }> {
  return finished.slice(size - 1).map((item, k) => ({
    day: item.day,
    value: nearestRank(ascending(finished.slice(k, k + size).map((earlier) => earlier.cycleTime)), 85),
  }));
}

const openCycleTime = (theme: 'light' | 'dark') =>
  suite.pages.open({
    path: projectPagePath(PROJECT, '?tab=cycle-time'),
    theme,
    ready: { testId: 'tab-panel-cycle-time', timeout: 60_000 },
  });

async function chooseRolling(frame: Frame, size: number) {
  await frame.getByTestId('scatter-rolling').selectOption(String(size));
  await frame.locator(`${SCATTER} [data-testid="chart-trend"]`).waitFor({ timeout: 10_000 });
}

/** The vertices of the rolling line, in drawing units, in the order drawn. */
async function trendVertices(frame: Frame): Promise<Array<{ x: number; y: number }>> {
  const d = (await frame.locator(`${SCATTER} [data-testid="chart-trend"]`).getAttribute('d'))!;
  return Array.from(d.matchAll(/[ML]\s*(-?[\d.]+(?:e-?\d+)?)[ ,]\s*(-?[\d.]+(?:e-?\d+)?)/g), (m) => ({ x: Number(m[1]), y: Number(m[2]) }));
}

/**
 * The drawing's value scale, read from two of the scatterplot's dashed percentile lines: the lowest (the 50th
 * percentile) and the highest (the 95th), whose values are worked out from the export.
 */
async function valueAt(frame: Frame): Promise<(y: number) => number> {
  const heights = await frame
    .locator(`${SCATTER} line[stroke-dasharray="4 4"]`)
    .evaluateAll((lines) => lines.map((line) => Number(line.getAttribute('y1'))));
  const sample = ascending(finished.map((item) => item.cycleTime));
  const [p50, p95] = [nearestRank(sample, 50), nearestRank(sample, 95)];
  expect(p95).toBeGreaterThan(p50);
  const [low, high] = [Math.max(...heights), Math.min(...heights)]; // lower values are drawn lower down
  return (y) => p50 + ((y - low) * (p95 - p50)) / (high - low);
}

describe("the scatterplot's rolling 85th percentile", () => {
  it.each([20, 50])('follows the last %i items finished at each point, from the export, on the days they finished', async (size) => {
    const { page, frame } = await openCycleTime('light');
    await chooseRolling(frame, size);
    await expect(frame.getByTestId('chart-cycle-time-scatter').textContent()).resolves.toContain(
      `The solid line is the 85th percentile of the last ${size} items finished at each point.`,
    );
    const expected = rollingP85(size);
    const vertices = await trendVertices(frame);
    expect(vertices).toHaveLength(expected.length);

    // Heights: each vertex at the rolling percentile worked out from the export (the drawing rounds to a thousandth of a unit).
    const value = await valueAt(frame);
    const drawn = vertices.map((vertex) => Math.round(value(vertex.y) * 100) / 100);
    expect(drawn).toEqual(expected.map((point) => point.value));

    // Dates: items finished on one day share a vertical, and the days are evenly spaced along the axis.
    const [first, last] = [expected[0]!, expected.at(-1)!];
    expect(last.day).toBeGreaterThan(first.day);
    const perDay = (vertices.at(-1)!.x - vertices[0]!.x) / (last.day - first.day);
    const offDay = expected.filter((point, k) => Math.abs(vertices[k]!.x - (vertices[0]!.x + (point.day - first.day) * perDay)) > 0.01);
    expect(offDay).toEqual([]);

    await page.close();
  });

  it.each(['light', 'dark'] as const)(
    'has no serious or critical accessibility violations with the line drawn, in %s mode',
    async (theme) => {
      const { page, frame } = await openCycleTime(theme);
      await chooseRolling(frame, 10);
      const violations = await seriousAccessibilityViolations(frame);
      expect(describeViolations(violations)).toBe('');
      await page.close();
    },
  );
});
