import { expect } from '@jest/globals';
import type { Frame } from 'playwright-core';
import { describeViolations, seriousAccessibilityViolations } from '../testing/accessibility-audit';
import { boardColumns } from './jira-boards';
import { openWorkflowEditor } from './project-page-opener';
import { e2eSuite } from './e2e-suite';

jest.setTimeout(120_000);

/**
 * "Start from the board's columns" on the settings page, end to end in headless Chromium: the built page, the
 * bridge, the real resolver and SDKs, the simulated Jira Software boards. The stages the admin is shown are
 * checked against Jira's own answers (the board's configuration and the project's statuses, read here over
 * REST as the admin), and nothing is stored until the admin saves.
 */
const PROJECT = 'FLOW';

const suite = e2eSuite({ site: 'fresh' });

const openEditor = (theme: 'light' | 'dark') => openWorkflowEditor(suite.pages, PROJECT, theme);

const proposedStages = (frame: Frame) =>
  frame
    .getByTestId('board-stages')
    .getByRole('listitem')
    .evaluateAll((items) => items.map((item) => item.querySelector('span')?.textContent ?? ''));

describe("stages from the board's columns", () => {
  it('offers the board columns Jira lists, for the board the admin picks, and stores them only on Save', async () => {
    const { page, frame } = await openEditor('light');
    await frame.getByRole('button', { name: "Start from the board's columns" }).click();
    await frame.getByTestId('board-stages').waitFor({ timeout: 20_000 });
    const teamBoard = await boardColumns(suite.site, PROJECT, 'FLOW board');
    await expect(proposedStages(frame)).resolves.toEqual(
      teamBoard.filter((column) => column.statuses.length > 0).map((column) => column.name),
    );

    await frame.getByLabel('Board', { exact: true }).selectOption({ label: 'FLOW delivery' });
    await frame.getByTestId('board-stages-empty-columns').waitFor({ timeout: 20_000 });
    const delivery = await boardColumns(suite.site, PROJECT, 'FLOW delivery');
    const used = delivery.filter((column) => column.statuses.length > 0);
    await expect(proposedStages(frame)).resolves.toEqual(used.map((column) => column.name));
    for (const column of delivery.filter((candidate) => candidate.statuses.length === 0)) {
      await expect(frame.getByTestId('board-stages-empty-columns').textContent()).resolves.toContain(column.name);
    }

    await frame.getByRole('button', { name: 'Use these stages' }).click();
    await frame.getByTestId('board-stages-used').waitFor();
    // Each status sits in the stage of the column Jira shows it in.
    for (const column of used) {
      for (const status of column.statuses) {
        const stage = await frame
          .getByLabel(`Stage of status ${status}`, { exact: true })
          .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
        expect([status, stage]).toEqual([status, column.name]);
      }
    }
    expect(suite.site.kvs.listPlain(`project:${PROJECT}:flow-config`)).toHaveLength(0);

    await frame.getByRole('button', { name: 'Save workflow' }).click();
    await frame.getByTestId('workflow-saved').waitFor({ timeout: 20_000 });
    expect(suite.site.kvs.listPlain(`project:${PROJECT}:flow-config`)).toHaveLength(1);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('has no serious or critical accessibility violations in %s mode', async (theme) => {
    const { page, frame } = await openEditor(theme);
    await frame.getByRole('button', { name: "Start from the board's columns" }).click();
    await frame.getByTestId('board-stages').waitFor({ timeout: 20_000 });
    await frame.getByLabel('Board', { exact: true }).selectOption({ label: 'FLOW delivery' });
    await frame.getByTestId('board-stages-empty-columns').waitFor({ timeout: 20_000 });
    const violations = await seriousAccessibilityViolations(frame);
    expect(describeViolations(violations)).toBe('');
    await page.close();
  });
});
