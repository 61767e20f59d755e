import { expect } from '@jest/globals';
import type { Frame } from 'playwright-core';
import { describeViolations, seriousAccessibilityViolations } from '../testing/accessibility-audit';
import { projectPagePath, waitForLinkNaming } from './project-page-opener';
import { measured, type Measured } from './default-conventions';
import { expectScatterDots, workInProgressAtColumnHeads } from './chart-marks';
import { e2eSuite } from './e2e-suite';

jest.setTimeout(180_000);

/**
 * The components filter end to end in headless Chromium on the simulated site, in the bug queue (the demo project
 * that files its work under components). The values offered, their counts, and the items counted once a component
 * is ticked, then a second, are those Jira's export files under them, read as the member (who may not see the
 * bugs at the security team's level), worked out by the page's default conventions (`default-conventions.ts`);
 * the page opens on the whole history.
 */
const PROJECT = 'BUG';
const FILTER = 'filter-components';

const suite = e2eSuite({ site: 'synced', exported: { project: PROJECT, as: 'member' } });
let items: Measured[];
/** Each component with the number of issues filed under it, most used first (then by name), as the filter lists them. */
let components: Array<[string, number]>;

beforeAll(() => {
  const { issues } = suite;
  items = issues.map(measured);
  const counts = new Map<string, number>();
  for (const issue of issues) for (const name of issue.components) counts.set(name, (counts.get(name) ?? 0) + 1);
  components = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
});

const filedUnder = (chosen: readonly string[]) => items.filter((item) => item.issue.components.some((name) => chosen.includes(name)));
const finished = (chosen: readonly string[]) => filedUnder(chosen).filter((item) => item.done !== null);
const inProgress = (chosen: readonly string[]) => filedUnder(chosen).filter((item) => item.start !== null && item.done === null);

const openCycleTime = (theme: 'light' | 'dark', query = '') =>
  suite.pages.open({
    path: projectPagePath(PROJECT, `?tab=cycle-time${query}`),
    theme,
    ready: { testId: 'tab-panel-cycle-time', timeout: 60_000 },
  });

async function openList(frame: Frame) {
  await frame.getByTestId(FILTER).locator('summary').click();
  await frame.getByTestId(FILTER).getByRole('checkbox').first().waitFor();
}

describe('the components filter, in the bug queue', () => {
  it('offers the components Jira files the issues under, with their counts, and "No component" last', async () => {
    const { frame } = await openCycleTime('light');
    await openList(frame);
    const count = (n: number) => frame.evaluate((value) => new Intl.NumberFormat().format(value), n);
    const withNone = items.filter((item) => item.issue.components.length === 0).length;
    expect(components.length).toBeGreaterThan(2);
    expect(withNone).toBeGreaterThan(0);
    const expected = [
      ...(await Promise.all(components.map(async ([name, n]) => `${name} (${await count(n)})`))),
      `No component (${await count(withNone)})`,
    ];
    await expect(frame.getByTestId(FILTER).locator('label').allTextContents()).resolves.toEqual(expected);
  });

  it('counts only the items filed under the component ticked, then under either of two, as Jira files them', async () => {
    const [[first], [second]] = components as [[string, number], [string, number]];
    const { page, frame } = await openCycleTime('light');
    await openList(frame);
    await frame
      .getByTestId(FILTER)
      .getByRole('checkbox', { name: new RegExp(`^${first} \\(`) })
      .check();
    expect(finished([first]).length).toBeGreaterThan(1);
    await expectScatterDots(frame, finished([first]).length);
    await expect(frame.getByTestId(FILTER).locator('summary').textContent()).resolves.toContain(first);

    await frame
      .getByTestId(FILTER)
      .getByRole('checkbox', { name: new RegExp(`^${second} \\(`) })
      .check();
    // An item filed under both counts once.
    expect(finished([first, second]).length).toBeLessThan(finished([first]).length + finished([second]).length);
    await expectScatterDots(frame, finished([first, second]).length);
    await waitForLinkNaming(page, 'component', [first, second]);

    expect(inProgress([first, second]).length).toBeGreaterThan(0);
    await frame.getByRole('tab', { name: 'Aging', exact: true }).click();
    await expect(workInProgressAtColumnHeads(frame)).resolves.toBe(inProgress([first, second]).length);
    await page.close();
  });

  it('opens a link naming a component on the items filed under it', async () => {
    const third = components[2]![0];
    const { page, frame } = await openCycleTime('light', `&component=${encodeURIComponent(third)}`);
    await expectScatterDots(frame, finished([third]).length);
    await page.close();
  });

  it.each(['light', 'dark'] as const)(
    'has no serious or critical accessibility violations with its list open, in %s mode',
    async (theme) => {
      const { page, frame } = await openCycleTime(theme, `&component=${encodeURIComponent(components[0]![0])}`);
      await openList(frame);
      const violations = await seriousAccessibilityViolations(frame);
      expect(describeViolations(violations)).toBe('');
      await page.close();
    },
  );
});
