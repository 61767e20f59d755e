import { ISSUE_TYPES, STATUSES } from '../catalogue';
import { ChangeKind, type IssueStore } from '../issue-store';
import { createJiraSite } from '../jira-site';
import { TEST_ANCHOR, type IssueJson } from '../site-test-kit';
import { DEMO_USERS } from './demo-users';
import { DEMO_WINDOW_DAYS, generateDemoData, startOfUtcDay } from './generate-demo-site';

/** The demo data: deterministic, about eighteen months long, and as messy as real boards. */
const DAY = 86_400_000;
const data = generateDemoData({ now: TEST_ANCHOR });
const { store } = data;

const category = (status: number) => STATUSES[status]?.category;

function statusChanges(s: IssueStore, projectKey: string) {
  const projectIndex = s.projectIndex(projectKey);
  const changes: { row: number; at: number; from: number; to: number }[] = [];
  for (let row = 0; row < s.issueCount; row++) {
    if (s.project.get(row) !== projectIndex) continue;
    for (const history of s.histories(row)) {
      for (const change of history.changes) {
        if (change.kind === ChangeKind.Status) changes.push({ row, at: history.created, from: change.from, to: change.to });
      }
    }
  }
  return changes;
}

describe('determinism', () => {
  it('exports byte-identical projects for the same seed and anchor', async () => {
    const exportOf = async (seed: number) => {
      const site = createJiraSite({ seed, now: TEST_ANCHOR });
      return (await site.handle({ method: 'GET', path: '/__jira/export?project=FLOW', headers: {} })).body;
    };
    const first = await exportOf(7);
    expect(await exportOf(7)).toBe(first);
    expect(await exportOf(8)).not.toBe(first);
    const issues = JSON.parse(first) as IssueJson[];
    expect(issues).toHaveLength(1100);
    expect(issues[0]?.key).toBe('FLOW-1');
    expect(issues.some((i) => i.changelog.histories.length > 100)).toBe(true);
    for (const issue of issues) expect(issue.changelog.histories).toHaveLength(issue.changelog.total);
  });

  it('leaves the small projects unchanged when the big one is added', () => {
    const withBig = generateDemoData({ now: TEST_ANCHOR, bigProjectIssues: 1000 }).store;
    for (const row of [0, 500, 1200, 3000]) {
      expect(withBig.keyOf(row)).toBe(store.keyOf(row));
      expect(withBig.histories(row)).toEqual(store.histories(row));
    }
  });

  it('anchors on the start of the current UTC day by default', () => {
    const today = generateDemoData({ bigProjectIssues: 0 });
    expect(today.anchor).toBe(startOfUtcDay(Date.now()));
  });
});

describe('shape', () => {
  it('has three projects with their own workflows and volumes', () => {
    expect(store.projects.map((p) => [p.key, p.statuses.map((s) => STATUSES[s]?.name)])).toEqual([
      ['FLOW', ['Backlog', 'Ready', 'In Progress', 'In Review', 'QA', 'Done']],
      ['SPR', ['To Do', 'In Progress', 'In Review', 'Done']],
      ['BUG', ['Open', 'Triaged', 'Fixing', 'Verifying', 'Closed', "Won't Fix"]],
    ]);
    expect(store.issueCount).toBe(1100 + 760 + 1350);
  });

  it('spans about eighteen months and nothing happens after the anchor', () => {
    let earliest = Number.POSITIVE_INFINITY;
    let latest = 0;
    for (let row = 0; row < store.issueCount; row++) {
      earliest = Math.min(earliest, store.created.get(row));
      latest = Math.max(latest, store.updated.get(row));
      for (const history of store.histories(row)) latest = Math.max(latest, history.created);
    }
    expect(earliest).toBeGreaterThanOrEqual(data.anchor - DEMO_WINDOW_DAYS * DAY);
    expect(earliest).toBeLessThan(data.anchor - (DEMO_WINDOW_DAYS - 10) * DAY);
    expect(latest).toBeLessThan(data.anchor);
    expect(latest).toBeGreaterThan(data.anchor - 3 * DAY);
  });

  it('numbers keys in creation order and keeps each changelog in time order', () => {
    for (let row = 1; row < 1100; row++) expect(store.created.get(row)).toBeGreaterThanOrEqual(store.created.get(row - 1));
    for (let row = 0; row < store.issueCount; row += 7) {
      const times = store.histories(row).map((h) => h.created);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      if (times.length > 0) expect(times[0]).toBeGreaterThan(store.created.get(row));
    }
  });

  it('uses several issue types and assigns work to demo users', () => {
    const types = new Set<number>();
    const assignees = new Set<number>();
    for (let row = 0; row < store.issueCount; row++) {
      types.add(store.type.get(row));
      if (store.assignee.get(row) >= 0) assignees.add(store.assignee.get(row));
    }
    expect(types.size).toBe(4);
    expect(assignees.size).toBeGreaterThan(6);
    for (const index of assignees) expect(DEMO_USERS[index]).toBeDefined();
  });

  it("files much of the software teams' work under epics created before it, in the same project", () => {
    const epic = ISSUE_TYPES.findIndex((t) => t.name === 'Epic');
    const childrenByEpic = new Map<number, number>();
    for (let row = 0; row < store.issueCount; row++) {
      const parent = store.parentOf(row);
      if (parent === undefined) continue;
      expect(store.type.get(parent)).toBe(epic);
      expect(store.type.get(row)).not.toBe(epic);
      expect(store.project.get(parent)).toBe(store.project.get(row));
      expect(store.created.get(parent)).toBeLessThanOrEqual(store.created.get(row));
      childrenByEpic.set(parent, (childrenByEpic.get(parent) ?? 0) + 1);
    }
    for (const key of ['FLOW', 'SPR']) {
      const project = store.projectIndex(key);
      expect([...childrenByEpic.keys()].filter((row) => store.project.get(row) === project).length).toBeGreaterThan(10);
    }
    const bug = store.projectIndex('BUG');
    expect([...childrenByEpic.keys()].some((row) => store.project.get(row) === bug)).toBe(false);
  });
});

describe('the mess real boards have', () => {
  const flow = statusChanges(store, 'FLOW');
  const bug = statusChanges(store, 'BUG');
  const position = (projectKey: string, status: number) => store.projects[store.projectIndex(projectKey)]?.statuses.indexOf(status) ?? -1;

  it('moves work backwards and reopens done work', () => {
    const backwards = flow.filter((c) => category(c.from) !== 'done' && position('FLOW', c.to) < position('FLOW', c.from));
    expect(backwards.length).toBeGreaterThan(50);
    const reopened = bug.filter((c) => category(c.from) === 'done' && category(c.to) !== 'done');
    expect(reopened.length).toBeGreaterThan(20);
  });

  it('skips columns', () => {
    const skipped = flow.filter((c) => position('FLOW', c.to) > position('FLOW', c.from) + 1);
    expect(skipped.length).toBeGreaterThan(50);
  });

  it('abandons work: never started, stuck, or closed without doing it', () => {
    const flowIndex = store.projectIndex('FLOW');
    let neverStarted = 0;
    let stuckOld = 0;
    let wontDo = 0;
    for (let row = 0; row < store.issueCount; row++) {
      if (store.project.get(row) !== flowIndex) continue;
      const age = data.anchor - store.created.get(row);
      if (store.historyCount(row) === 0 && age > 180 * DAY) neverStarted++;
      if (category(store.status.get(row)) === 'indeterminate' && data.anchor - store.updated.get(row) > 90 * DAY) stuckOld++;
      if (store.resolution.get(row) === 1) wontDo++;
    }
    expect(neverStarted).toBeGreaterThan(20);
    expect(stuckOld).toBeGreaterThan(3);
    expect(wontDo).toBeGreaterThan(10);
    const wontFix = bug.filter((c) => STATUSES[c.to]?.name === "Won't Fix");
    expect(wontFix.length).toBeGreaterThan(30);
  });

  it('flags work as blocked for a while, and some is blocked right now', () => {
    let flaggedPeriods = 0;
    let flaggedNow = 0;
    for (let row = 0; row < store.issueCount; row++) {
      if (store.flagged.get(row) === 1) flaggedNow++;
      for (const h of store.histories(row)) for (const c of h.changes) if (c.kind === ChangeKind.Flag && c.to === 1) flaggedPeriods++;
    }
    expect(flaggedPeriods).toBeGreaterThan(300);
    expect(flaggedNow).toBeGreaterThan(5);
  });

  it('rests over Christmas and New Year, and is quieter at weekends', () => {
    const all = [...flow, ...bug, ...statusChanges(store, 'SPR')];
    const onHoliday = all.filter(({ at }) => {
      const d = new Date(at);
      return (d.getUTCMonth() === 11 && d.getUTCDate() >= 24) || (d.getUTCMonth() === 0 && d.getUTCDate() === 1);
    });
    expect(onHoliday).toEqual([]);
    const weekend = all.filter(({ at }) => [0, 6].includes(new Date(at).getUTCDay())).length;
    expect(weekend).toBeGreaterThan(0);
    expect(weekend / all.length).toBeLessThan(0.05);
  });

  it('has bursts: some weeks see far more new bugs than usual', () => {
    const bugIndex = store.projectIndex('BUG');
    const perWeek = new Map<number, number>();
    for (let row = 0; row < store.issueCount; row++) {
      if (store.project.get(row) !== bugIndex) continue;
      const week = Math.floor((store.created.get(row) - data.windowStart) / (7 * DAY));
      perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
    }
    const counts = [...perWeek.values()].sort((a, b) => a - b);
    const median = counts[Math.floor(counts.length / 2)] ?? 0;
    expect(counts.at(-1)).toBeGreaterThan(median * 2);
  });

  it("finishes much sprint work on the sprint's last day", () => {
    const done = statusChanges(store, 'SPR').filter((c) => category(c.to) === 'done' && category(c.from) !== 'done');
    const fridays = done.filter((c) => new Date(c.at).getUTCDay() === 5).length;
    expect(fridays / done.length).toBeGreaterThan(0.35);
  });
});

describe('scale', () => {
  it('generates 200,000 issues in seconds and modest memory', () => {
    const started = performance.now();
    const big = generateDemoData({ now: TEST_ANCHOR, bigProjectIssues: 200_000 });
    const seconds = (performance.now() - started) / 1000;
    expect(big.store.issueCount).toBe(3210 + 200_000);
    expect(seconds).toBeLessThan(10);
    expect(big.store.columnBytes()).toBeLessThan(150 * 1024 * 1024);
    expect(() => generateDemoData({ bigProjectIssues: 200_001 })).toThrow(/at most|from 0 to 200000/);
  });
});
