import { expect } from '@jest/globals';
import type { Frame } from 'playwright-core';
import { describeViolations, seriousAccessibilityViolations } from '../testing/accessibility-audit';
import { boardColumns } from './jira-boards';
import { tableRows } from './chart-table';
import { openWorkflowEditor, projectPagePath } from './project-page-opener';
import { ascending, dayOf, inclusiveDays, MS_PER_DAY, nearestRank, today } from './default-conventions';
import { statusVisits, type ExportedIssue } from './jira-export';
import { e2eSuite } from './e2e-suite';

jest.setTimeout(240_000);

/**
 * Aging by stage and time in stage on a workflow of several in-progress stages, end to end in headless Chromium:
 * the admin takes FLOW's stages from its delivery board's columns on the settings page and saves them, and the member's
 * project page then draws a column per in-progress stage, as ActionableAgile does. Every expectation is worked
 * out from Jira's own answers: the board's columns (Jira Software's board configuration) and the project's
 * export, by the page's conventions: a stage per column; the start stage is the first column holding an In
 * Progress status and the done stage the last; the first entry into a stage counts, except that leaving the
 * done stage forgets its entry; an item reached a stage when it entered it or a later one; days are UTC days,
 * counted inclusively; percentiles are nearest-rank; the page opens without epics, on the whole history.
 */
const PROJECT = 'FLOW';
/** FLOW's delivery board: its columns group statuses (Doing holds In Progress and In Review), so a stage is not a status. */
const BOARD = 'FLOW delivery';

const suite = e2eSuite({ site: 'synced', exported: { project: PROJECT, countedByDefault: true } });
/** The board's columns that show a status, in order: the stages. */
let stages: Array<{ name: string; statuses: string[] }>;
let startStage: number;
let doneStage: number;

beforeAll(async () => {
  stages = (await boardColumns(suite.site, PROJECT, BOARD)).filter((column) => column.statuses.length > 0);
  const categoryOf = new Map(suite.issues.flatMap((issue) => statusVisits(issue)).map((visit) => [visit.status, visit.category]));
  startStage = stages.findIndex((stage) => stage.statuses.some((status) => categoryOf.get(status) === 'indeterminate'));
  doneStage = stages.length - 1;
  await useBoardColumnsAsAdmin();
}, 240_000);

/** As on a real site: the admin starts FLOW's workflow from the board's columns, and saves it. */
async function useBoardColumnsAsAdmin() {
  const { page, frame } = await openWorkflowEditor(suite.pages, PROJECT);
  await frame.getByRole('button', { name: "Start from the board's columns" }).click();
  await frame.getByTestId('board-stages').waitFor({ timeout: 20_000 });
  await frame.getByLabel('Board', { exact: true }).selectOption({ label: BOARD });
  await frame.getByTestId('board-stages-empty-columns').waitFor({ timeout: 20_000 });
  await frame.getByRole('button', { name: 'Use these stages' }).click();
  await frame.getByRole('button', { name: 'Save workflow' }).click();
  await frame.getByTestId('workflow-saved').waitFor({ timeout: 20_000 });
  await page.close();
  await suite.site.platform.drainQueue();
}

// ---- The measures, from Jira's history ----

interface Journey {
  issue: ExportedIssue;
  /** The stage it is in now. */
  stage: number;
  /** Per stage: when the item reached it or a later one; null when it has not. */
  reached: Array<number | null>;
}

function journey(issue: ExportedIssue): Journey {
  const stageOf = (status: string) => stages.findIndex((stage) => stage.statuses.includes(status));
  const entry: Array<number | null> = stages.map(() => null);
  let current = -1;
  for (const visit of statusVisits(issue)) {
    const stage = stageOf(visit.status);
    if (stage === current) continue;
    if (current >= doneStage && stage < doneStage) for (let k = doneStage; k < stages.length; k++) entry[k] = null;
    entry[stage] ??= visit.from;
    current = stage;
  }
  const reached = stages.map((_, k) => {
    const later = entry.slice(k).filter((at): at is number => at !== null);
    return later.length === 0 ? null : Math.min(...later);
  });
  return { issue, stage: current, reached };
}

const started = (item: Journey) => item.reached[startStage] ?? null;
const isDone = (item: Journey) => item.stage >= doneStage;

/** How old items were when they left each stage (reached a later one), from the start stage on, in the period. */
function exitAges(stage: number): number[] {
  return ascending(
    suite.issues
      .map(journey)
      .filter((item) => started(item) !== null && item.reached[stage + 1] !== null)
      .map((item) => inclusiveDays(started(item)!, item.reached[stage + 1]!)),
  );
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

// ---- The page ----

const openAging = (theme: 'light' | 'dark') =>
  suite.pages.open({ path: projectPagePath(PROJECT, '?tab=aging'), theme, ready: { testId: 'chart-aging', timeout: 60_000 } });

describe("the board's columns as the workflow, as a member", () => {
  let frame: Frame;

  beforeAll(async () => {
    ({ frame } = await openAging('light'));
  }, 120_000);

  it('draws a column per in-progress stage, each with the work in progress Jira says is in it', async () => {
    const inProgress = suite.issues.map(journey).filter((item) => started(item) !== null && !isDone(item));
    const columns = stages.slice(startStage, doneStage);
    expect(columns.length).toBeGreaterThan(1);
    expect(inProgress.every((item) => item.stage >= startStage)).toBe(true);
    const heads = await frame.getByTestId('aging-wip').allTextContents();
    expect(heads).toEqual(columns.map((_, k) => `WIP ${inProgress.filter((item) => item.stage === startStage + k).length}`));
  });

  it('ages each item from its start, with its pace against the items that left its stage', async () => {
    const samples = stages.map((_, k) => exitAges(k));
    const summary = (await frame.getByTestId('chart-aging-summary').textContent()) ?? '';
    for (let k = startStage; k < doneStage; k++) {
      expect(samples[k]!.length).toBeGreaterThanOrEqual(20);
      expect(summary).toContain(
        `${stages[k]!.name}: bands from the ages at which ${samples[k]!.length.toLocaleString('en-US')} items left it`,
      );
    }
    const expected = suite.issues
      .map(journey)
      .filter((item) => started(item) !== null && !isDone(item))
      .map((item) => {
        const age = today() - dayOf(started(item)!) + 1;
        const sample = samples[item.stage]!;
        const pace = Math.floor((sample.filter((exitAge) => exitAge < age).length * 100) / sample.length);
        const stage = stages[item.stage]!.name;
        return [item.issue.key, stage, item.issue.status, String(age), `older than ${pace}% of items that left ${stage}`];
      });
    const { rows } = await tableRows(frame, 'chart-aging');
    const byKey = (a: string[], b: string[]) => a[0]!.localeCompare(b[0]!);
    expect([...rows].sort(byKey)).toEqual(expected.sort(byKey));
  });

  it("gives the median and 85th percentile of the finished items' time in each in-progress stage", async () => {
    await frame.getByRole('tab', { name: 'Flow', exact: true }).click();
    await frame.getByTestId('chart-time-in-stage').waitFor({ timeout: 30_000 });
    const done = suite.issues.map(journey).filter((item) => started(item) !== null && isDone(item));
    const expected = stages.slice(startStage, doneStage).map((stage) => {
      const perItem = ascending(
        done.map((item) => {
          const until = item.reached[doneStage]!;
          const ms = statusVisits(item.issue)
            .filter((visit) => stage.statuses.includes(visit.status))
            .reduce((total, visit) => total + Math.max(0, Math.min(visit.until, until) - visit.from), 0);
          return round(ms / MS_PER_DAY, 2);
        }),
      );
      return [stage.name, String(round(nearestRank(perItem, 50), 1)), String(round(nearestRank(perItem, 85), 1))];
    });
    const { rows } = await tableRows(frame, 'chart-time-in-stage');
    expect(rows).toEqual(expected);
  });
});

describe('a stage range on that workflow, from a link', () => {
  it('measures from the stage a link names: cycle times from reaching it, and only the work that has', async () => {
    const from = doneStage - 1;
    const fromName = stages[from]!.name;
    const { page, frame } = await suite.pages.open({
      path: projectPagePath(PROJECT, `?from-stage=${encodeURIComponent(fromName)}&tab=cycle-time`),
      ready: { testId: 'tab-panel-cycle-time', timeout: 60_000 },
    });
    await expect(frame.getByTestId('filter-stage-from').inputValue()).resolves.toBe(fromName);
    await page.waitForFunction((name) => new URLSearchParams(window.location.search).get('from-stage') === name, fromName);
    const journeys = suite.issues.map(journey);
    const cycleTimes = ascending(journeys.filter(isDone).map((item) => inclusiveDays(item.reached[from]!, item.reached[doneStage]!)));
    const sle = nearestRank(cycleTimes, 85);
    const label = `SLE 85%: ${sle} ${sle === 1 ? 'day' : 'days'}`;
    await frame.waitForFunction(
      (wanted) =>
        Array.from(document.querySelectorAll('[data-testid="chart-cycle-time-scatter"] text.fm-chart-reference-label')).some(
          (text) => text.textContent === wanted,
        ),
      label,
      { timeout: 30_000 },
    );

    await frame.getByRole('tab', { name: 'Aging', exact: true }).click();
    await frame.getByTestId('aging-wip').first().waitFor({ timeout: 30_000 });
    const heads = await frame.getByTestId('aging-wip').allTextContents();
    const wip = heads.reduce((total, head) => total + Number(head.replace(/^WIP /, '')), 0);
    expect(wip).toBe(journeys.filter((item) => item.reached[from] !== null && !isDone(item)).length);
    await page.close();
  });
});

describe.each(['light', 'dark'] as const)('aging by several stages in the %s theme', (theme) => {
  it('has no serious or critical accessibility violations', async () => {
    const { page, frame } = await openAging(theme);
    const violations = await seriousAccessibilityViolations(frame);
    expect(describeViolations(violations)).toBe('');
    await page.close();
  });
});
