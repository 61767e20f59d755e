import { expect } from '@jest/globals';
import type { Frame } from 'playwright-core';

/** The cycle-time scatterplot's dots are painted on one canvas, which says how many it painted. */
const SCATTER_DOTS = '[data-testid="chart-cycle-time-scatter"] [data-point-count]';

/**
 * Waits until the cycle-time scatterplot draws exactly `expected` dots (answers computed off the page's thread
 * arrive a moment after a filter changes); fails with how many it does draw.
 */
export async function expectScatterDots(frame: Frame, expected: number): Promise<void> {
  await frame
    .waitForFunction(
      ([css, n]) => document.querySelector(css)?.getAttribute('data-point-count') === String(n),
      [SCATTER_DOTS, expected] as const,
      {
        timeout: 10_000,
      },
    )
    .catch(() => undefined);
  expect(await frame.locator(SCATTER_DOTS).getAttribute('data-point-count')).toBe(String(expected));
}

/** The work in progress the aging chart writes at the heads of its columns, added up. */
export async function workInProgressAtColumnHeads(frame: Frame): Promise<number> {
  await frame.getByTestId('aging-wip').first().waitFor({ timeout: 30_000 });
  const heads = await frame.getByTestId('aging-wip').allTextContents();
  return heads.reduce((total, head) => total + Number(head.replace(/^WIP /, '').replace(/,/g, '')), 0);
}
