import type { ProjectComponent } from '../project-components';
import type { BoardStyle, ProjectTypeKey } from '../site-project';

/**
 * How each demo team works: its workflow, its volume, and the mess it makes. The numbers are chosen to
 * give charts the shapes real boards have (long-tailed cycle times, a rework loop, work that never ends),
 * not to model any particular team.
 */
interface Backtrack {
  /** The status work falls back to. */
  to: string;
  /** Chance, on leaving the status, of going back instead of forward. */
  chance: number;
}

export interface ProjectBlueprint {
  id: string;
  key: string;
  name: string;
  style: BoardStyle;
  projectTypeKey: ProjectTypeKey;
  leadAccountId: string;
  outsidersMayBrowse: boolean;
  /**
   * Issue security: every this-many'th bug (by creation order) is a security bug, seen only by the security
   * team (see ../issue-security.ts). Absent: the project uses no issue security.
   */
  securityBugEvery?: number;
  /**
   * The parts of the product its issues are filed under. Only the bug queue uses them: every value an issue
   * sends costs room in Jira's 10,000 values an expression evaluation, and FLOW's first 1000 issues already send
   * about 9,250 (eight facts each, plus labels and parents), so a component on each would take its first page
   * over the limit and have it read in halves, as the app does on a real site, changing the sync costs the
   * README reports for FLOW and the scale project built from it. The bug queue, without parents, has room.
   */
  components?: readonly ProjectComponent[];
  issueCount: number;
  /** The forward path by status name: first is where issues are created, last is the done status. */
  workflow: readonly string[];
  /** A done-category status for work closed without being done (the bug queue's "Won't Fix"). */
  rejectStatus?: string;
  typeMix: readonly (readonly [string, number])[];
  /** Account ids of the people who work here. */
  team: readonly string[];
  /** Working days spent in each status: median and log-normal spread. */
  dwell: Readonly<Record<string, readonly [number, number]>>;
  /** Chance a status is jumped over on the way forward. */
  skip: Readonly<Record<string, number>>;
  backtrack: Readonly<Record<string, Backtrack>>;
  /** Done work reopened later, and where it goes back to. */
  reopen: { chance: number; to: string };
  /** Never leaves the first status. */
  neverStarted: number;
  /** Closed without being done (Won't Do / Won't Fix) straight from waiting. */
  rejected: number;
  /** Started but abandoned part-way: stays in an active status for good. */
  stalled: number;
  /** Flagged as blocked for a while during active work. */
  flagged: number;
  /** Number of arrival bursts (release fallout, planning days) over the window. */
  bursts: number;
}

const INES = '5d53f3cbc6b9320d9ea5bdc2';
const SAM = '712020:3b8f0a5e-6c1d-4f2a-9e7b-2d4c6a8f1e03';
const LENA = '5f8a1c2e9b7d4a0068e3f5b1';
const KENJI = '5e1b7c9d3a4f2e0071c8d6a4';
const MAYA = '712020:9d2e4f6a-1b3c-4d5e-8f7a-6b5c4d3e2f10';
const TOMAS = '60a7e3b2c1d4f50069b2a8e7';
const AISHA = '712020:c4a1e8d2-7f6b-4a3c-9e2d-1f0a9b8c7d6e';
const JONAS = '5c9e2a7f4b1d3e0068a5c2f9';
const CHLOE = '63f1d8a9e2b4c70072d1e5a3';
const RAVI = '712020:5e7f9a1b-2c3d-4e5f-a6b7-c8d9e0f1a2b3';

/** A Kanban team with review and QA columns. */
export const FLOW: ProjectBlueprint = {
  id: '10000',
  key: 'FLOW',
  name: 'Flow Platform',
  style: 'kanban',
  projectTypeKey: 'software',
  leadAccountId: SAM,
  outsidersMayBrowse: true,
  issueCount: 1100,
  workflow: ['Backlog', 'Ready', 'In Progress', 'In Review', 'QA', 'Done'],
  typeMix: [
    ['Story', 55],
    ['Task', 20],
    ['Bug', 20],
    ['Epic', 5],
  ],
  team: [SAM, KENJI, MAYA, TOMAS, LENA, INES],
  dwell: {
    Backlog: [9, 1.1],
    Ready: [2.5, 0.9],
    'In Progress': [3, 0.8],
    'In Review': [0.8, 0.9],
    QA: [1.2, 0.8],
    Done: [12, 1],
  },
  skip: { Ready: 0.15, QA: 0.2, 'In Review': 0.05 },
  backtrack: {
    'In Review': { to: 'In Progress', chance: 0.18 },
    QA: { to: 'In Progress', chance: 0.12 },
  },
  reopen: { chance: 0.04, to: 'In Progress' },
  neverStarted: 0.14,
  rejected: 0.06,
  stalled: 0.03,
  flagged: 0.1,
  bursts: 4,
};

/** A sprint team: work is pulled at sprint start and much of it lands at sprint end. */
export const SPR: ProjectBlueprint = {
  id: '10001',
  key: 'SPR',
  name: 'Sprinters Mobile',
  style: 'scrum',
  projectTypeKey: 'software',
  leadAccountId: AISHA,
  outsidersMayBrowse: true,
  issueCount: 760,
  workflow: ['To Do', 'In Progress', 'In Review', 'Done'],
  typeMix: [
    ['Story', 60],
    ['Task', 20],
    ['Bug', 15],
    ['Epic', 5],
  ],
  team: [AISHA, JONAS, CHLOE, RAVI, SAM, LENA],
  dwell: {
    'To Do': [6, 0.8],
    'In Progress': [3.5, 0.7],
    'In Review': [0.7, 0.8],
    Done: [10, 1],
  },
  skip: { 'In Review': 0.25 },
  backtrack: { 'In Review': { to: 'In Progress', chance: 0.15 } },
  reopen: { chance: 0.05, to: 'To Do' },
  neverStarted: 0.1,
  rejected: 0.05,
  stalled: 0.02,
  flagged: 0.08,
  bursts: 3,
};

/** A bug queue: arrivals surge after releases, some bugs are never fixed. */
const BUG: ProjectBlueprint = {
  id: '10002',
  key: 'BUG',
  name: 'Bug Queue',
  style: 'queue',
  projectTypeKey: 'service_desk',
  leadAccountId: KENJI,
  outsidersMayBrowse: false,
  securityBugEvery: 150,
  components: [
    { id: '10200', name: 'Web app', description: 'The browser front end.', share: 35 },
    { id: '10201', name: 'API', description: 'The public REST API.', share: 25 },
    { id: '10202', name: 'Mobile app', description: 'The iOS and Android apps.', share: 15 },
    { id: '10203', name: 'Billing', description: 'Plans, invoices and payments.', share: 10 },
    { id: '10204', name: 'Notifications', description: 'Email and push notifications.', share: 5 },
  ],
  issueCount: 1350,
  workflow: ['Open', 'Triaged', 'Fixing', 'Verifying', 'Closed'],
  rejectStatus: "Won't Fix",
  typeMix: [
    ['Bug', 85],
    ['Task', 15],
  ],
  team: [KENJI, RAVI, MAYA, TOMAS, INES],
  dwell: {
    Open: [1.5, 1],
    Triaged: [4, 1.1],
    Fixing: [2, 0.8],
    Verifying: [1.2, 0.7],
    Closed: [15, 1],
    "Won't Fix": [20, 1],
  },
  skip: { Triaged: 0.2, Verifying: 0.1 },
  backtrack: { Verifying: { to: 'Fixing', chance: 0.2 } },
  reopen: { chance: 0.07, to: 'Open' },
  neverStarted: 0.08,
  rejected: 0.12,
  stalled: 0.03,
  flagged: 0.08,
  bursts: 7,
};

/** The scale project: the Kanban workflow at a volume of tens or hundreds of thousands of issues. */
export function bigProject(issueCount: number): ProjectBlueprint {
  return {
    ...FLOW,
    id: '10003',
    key: 'BIG',
    name: 'Big Monorepo',
    leadAccountId: INES,
    issueCount,
    team: [SAM, KENJI, MAYA, TOMAS, AISHA, JONAS, CHLOE, RAVI, INES],
    bursts: 6,
  };
}

export const DEMO_BLUEPRINTS: readonly ProjectBlueprint[] = [FLOW, SPR, BUG];

/** The largest `bigProjectIssues` the generator accepts. */
export const MAX_BIG_PROJECT_ISSUES = 200_000;
