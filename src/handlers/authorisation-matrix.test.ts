import { expect } from '@jest/globals';
import { WITHOUT_QUOTAS } from '../../dev/kvs';
import { DEMO_REPOSITORIES } from '../../dev/github/demo-github';
import { DEMO_BLUEPRINTS } from '../../dev/jira/demo-data/project-blueprints';
import { DEMO_USERS, type DemoRole } from '../../dev/jira/demo-data/demo-users';
import { DEMO_CHANNELS } from '../../dev/slack/demo-slack';
import { SyncHarness } from '../../dev/testing/local-sync-harness';
import { dataOf } from '../../dev/testing/settings-test-site';
import { ERASE_CONFIRMATION_PHRASE, type ResolverErrorCode, type ResolverResult } from '../shared/resolver-contract';
import { RESOLVER_ACCESS, type FunctionAccess, type ResolverModuleKey } from './authorisation-matrix';
import { PROJECT_PAGE_FUNCTION_KEYS } from './project-page-resolver';
import { SETTINGS_FUNCTION_KEYS } from './settings-page-resolver';
import { type CompactHistory, DEFAULT_FLOW_CONFIG, filterCompactHistory, weeklyFlowFigures } from '../domain';
import { SECURITY_LEVELS } from '../../dev/jira/issue-security';

/**
 * The authorisation matrix: the demo site's admin, member and outsider × every function of both resolvers ×
 * every demo project, each cell a test whose expected answer comes from RESOLVER_ACCESS alone. FLOW and BUG
 * are measured, SPR is not; the outsider may not browse BUG. Site-wide functions (no project) are one cell per
 * person. Every cell starts from the same store; a refused cell must leave the whole store as it was.
 */
const MEASURED = ['FLOW', 'BUG'];
const SETTINGS: ResolverModuleKey = 'flow-metrics-settings';
const PROJECT_PAGE: ResolverModuleKey = 'flow-metrics-project-page';

/** What Jira knows about each person (dev/jira): only the admin administers; the outsider may not browse BUG. */
const person = (role: DemoRole) => ({
  accountId: DEMO_USERS.find((user) => user.role === role)!.accountId,
  administers: role === 'admin',
  browses: (projectKey: string) => role !== 'outsider' || DEMO_BLUEPRINTS.find((project) => project.key === projectKey)!.outsidersMayBrowse,
});

type Outcome = 'ok' | ResolverErrorCode;

/** The expected answer of one cell, from the table and Jira's facts about the caller. */
function expectedOutcome(access: FunctionAccess, role: DemoRole, projectKey: string | null): Outcome {
  const caller = person(role);
  const allowed = access.caller === 'jira-administrator' ? caller.administers : projectKey !== null && caller.browses(projectKey);
  if (!allowed) return 'FORBIDDEN';
  if (projectKey !== null && !MEASURED.includes(projectKey) && access.notMeasured) return access.notMeasured;
  return 'ok';
}

interface Cell {
  moduleKey: ResolverModuleKey;
  functionKey: string;
  role: DemoRole;
  projectKey: string | null;
  expected: Outcome;
}

const ROLES: DemoRole[] = ['admin', 'member', 'outsider'];
const PROJECTS = DEMO_BLUEPRINTS.map((project) => project.key);

const CELLS: Cell[] = Object.entries(RESOLVER_ACCESS).flatMap(([moduleKey, functions]) =>
  Object.entries(functions as Record<string, FunctionAccess>).flatMap(([functionKey, access]) =>
    ROLES.flatMap((role) =>
      (access.project === 'none' ? [null] : PROJECTS).map((projectKey) => ({
        moduleKey: moduleKey as ResolverModuleKey,
        functionKey,
        role,
        projectKey,
        expected: expectedOutcome(access, role, projectKey),
      })),
    ),
  ),
);

// Many syncs replayed in seconds: the KVS quotas have their own tests (storage-quota.test.ts).
const harness = new SyncHarness({ kvsLimits: WITHOUT_QUOTAS });
const { github, slack } = harness.simulateIntegrations();

/** Per project, the workflow an admin would save: its current one, as the settings page loads it. */
const workflows = new Map<string, { workflow: unknown; conventions: unknown }>();

/** A payload the function accepts, so each cell tests who may call, not what was sent. */
function payloadFor(functionKey: string, projectKey: string | null): unknown {
  const project = { projectKey };
  const payloads: Record<string, unknown> = {
    setProjectMeasured: { ...project, measured: true },
    getProjectWorkflow: project,
    saveProjectWorkflow: { ...project, ...workflows.get(projectKey ?? '') },
    resetProjectWorkflow: project,
    proposeBoardWorkflow: project,
    requestProjectSync: { ...project, mode: 'sync-now' },
    connectGitHub: { token: github.tokens.readOnly.token, repositories: [DEMO_REPOSITORIES.mobileApp] },
    updateGitHubRepositories: { repositories: [DEMO_REPOSITORIES.platformApi] },
    setGeneratedPaths: { patterns: ['src/api/generated/**'] },
    connectSlack: { token: slack.tokens.bot.token, channelId: DEMO_CHANNELS.leads },
    updateSlackChannel: { channelId: DEMO_CHANNELS.leads },
    saveSlackAlerts: { ...project, serviceLevel: true, reviewWait: { enabled: true, hours: 24 }, channelId: null },
    setRetention: { retentionDays: 365 },
    eraseAllAppData: { confirmation: ERASE_CONFIRMATION_PHRASE },
    countRemainingWork: { source: 'jql', jql: 'issuetype = Bug' },
  };
  return payloads[functionKey] ?? {};
}

const admin = harness.settingsAs('admin');

/** Everything a call could change: every stored value and secret, the queue, what was sent to GitHub and Slack. */
const everything = () =>
  JSON.stringify({
    plain: harness.kvs.listPlain(),
    secrets: harness.kvs.listSecrets(),
    queued: harness.platform.queue.size,
    github: github.github.requests().length,
    slack: slack.slack.messages().length,
  });

let baseline: { plain: Array<{ key: string; value: unknown }>; secrets: Array<{ key: string; value: unknown }> };

/** Back to the baseline store, so no cell depends on the ones before it (some erase, disconnect or re-measure). */
async function restoreBaseline(): Promise<void> {
  harness.kvs.clear();
  const write = (path: string, entry: { key: string; value: unknown }) =>
    harness.kvs.fetch(path, { method: 'POST', body: JSON.stringify(entry) });
  for (const entry of baseline.plain) await write('/api/v1/set', entry);
  for (const entry of baseline.secrets) await write('/api/v1/secret/set', entry);
}

beforeAll(async () => {
  for (const projectKey of MEASURED) expect(await admin('setProjectMeasured', { projectKey, measured: true })).toMatchObject({ ok: true });
  for (const projectKey of PROJECTS) {
    const data = dataOf(await admin('getProjectWorkflow', { projectKey }));
    workflows.set(projectKey, { workflow: data.workflow, conventions: data.conventions });
  }
  expect(await admin('connectGitHub', { token: github.tokens.readOnly.token, repositories: [DEMO_REPOSITORIES.webApp] })).toMatchObject({
    ok: true,
  });
  expect(await admin('connectSlack', { token: slack.tokens.bot.token, channelId: DEMO_CHANNELS.flowMetrics })).toMatchObject({ ok: true });
  baseline = { plain: harness.kvs.listPlain(), secrets: harness.kvs.listSecrets() };
});
afterAll(() => harness.close());
beforeEach(restoreBaseline);

describe('the authorisation table', () => {
  it('names exactly the functions each resolver defines', () => {
    expect(Object.keys(RESOLVER_ACCESS[SETTINGS]).sort()).toEqual([...SETTINGS_FUNCTION_KEYS].sort());
    expect(Object.keys(RESOLVER_ACCESS[PROJECT_PAGE]).sort()).toEqual([...PROJECT_PAGE_FUNCTION_KEYS].sort());
  });

  it('covers each person, on each project, including one the outsider cannot browse and one not measured', () => {
    expect(PROJECTS.filter((key) => !person('outsider').browses(key))).toEqual(['BUG']);
    expect(PROJECTS.filter((key) => !MEASURED.includes(key))).toEqual(['SPR']);
    expect(new Set(CELLS.map((cell) => cell.expected))).toEqual(new Set(['ok', 'FORBIDDEN', 'INVALID_INPUT', 'NOT_FOUND']));
  });
});

describe('every cell of the authorisation matrix', () => {
  it.each(
    CELLS.map((cell) => [cell.moduleKey, cell.functionKey, cell.role, cell.projectKey ?? '(whole site)', cell.expected, cell] as const),
  )('%s %s as the %s on %s: %s', async (moduleKey, functionKey, role, _project, expected, cell) => {
    const before = everything();
    const answer = (await harness.platform.invokeResolver({
      moduleKey,
      functionKey,
      payload: payloadFor(functionKey, cell.projectKey),
      accountId: person(role).accountId,
      ...(moduleKey === PROJECT_PAGE ? { project: harness.project(cell.projectKey!) } : {}),
    })) as ResolverResult<unknown>;
    if (expected === 'ok') {
      expect(answer).toMatchObject({ ok: true });
    } else {
      expect(answer).toEqual({ ok: false, error: { code: expected, message: expect.any(String) } });
      // A refusal changes nothing at all, and says nothing about the project's data.
      expect(everything()).toBe(before);
    }
  });
});

/**
 * The same cells with a payload no function accepts: permission still comes first, so whoever may not call a
 * function learns nothing from its validation (not even which fields it takes), and the one who may is told
 * what is wrong without the caller's own field names repeated back.
 */
describe('every settings cell with an invalid payload', () => {
  const INVALID = { __proto_probe__: 'x', unknownFieldNamedByTheCaller: 1 };
  it.each(CELLS.filter((cell) => cell.moduleKey === SETTINGS).map((cell) => [cell.functionKey, cell.role, cell.expected] as const))(
    '%s as the %s',
    async (functionKey, role, expected) => {
      const before = everything();
      const answer = (await harness.platform.invokeResolver({
        moduleKey: SETTINGS,
        functionKey,
        payload: INVALID,
        accountId: person(role).accountId,
      })) as ResolverResult<unknown>;
      expect(answer).toEqual({
        ok: false,
        error: { code: expected === 'FORBIDDEN' ? 'FORBIDDEN' : 'INVALID_INPUT', message: expect.any(String) },
      });
      expect(answer.ok ? null : answer.error.message).not.toMatch(/unknownFieldNamedByTheCaller|__proto_probe__/);
      expect(everything()).toBe(before);
    },
  );
});

/** The project page's cells with a payload no function accepts: whoever may not browse the project is refused first. */
describe('every project page cell with an invalid payload', () => {
  it.each(
    CELLS.filter((cell) => cell.moduleKey === PROJECT_PAGE).map(
      (cell) => [cell.functionKey, cell.role, cell.projectKey!, cell.expected] as const,
    ),
  )('%s as the %s on %s', async (functionKey, role, projectKey, expected) => {
    const before = everything();
    const answer = (await harness.platform.invokeResolver({
      moduleKey: PROJECT_PAGE,
      functionKey,
      payload: { unknownFieldNamedByTheCaller: 1 },
      accountId: person(role).accountId,
      project: harness.project(projectKey),
    })) as ResolverResult<unknown>;
    expect(answer).toEqual({
      ok: false,
      error: { code: expected === 'FORBIDDEN' ? 'FORBIDDEN' : 'INVALID_INPUT', message: expect.any(String) },
    });
    expect(answer.ok ? null : answer.error.message).not.toContain('unknownFieldNamedByTheCaller');
    expect(everything()).toBe(before);
  });
});

/**
 * Inside a project the caller may browse, issue security still applies: BUG's security bugs are at a level that
 * admits the admin and not the member. The member sees BUG's other issues and figures computed without the
 * secured ones; the admin sees everything.
 */
describe('a caller who may browse a project but not one of its security levels', () => {
  const levelOfSecurityBugs = SECURITY_LEVELS[0]!;

  it("is the member on BUG: they browse it, and the security bugs' level does not admit them", () => {
    expect(person('member').browses('BUG')).toBe(true);
    expect(levelOfSecurityBugs.roles).toEqual(['admin']);
  });

  it('sees the other issues, not the secured ones, and figures computed without them; the admin sees all', async () => {
    await harness.runScheduledSync();
    const securedKeys = new Set<string>();
    let nextPageToken: string | undefined;
    do {
      const page = await harness.jira<{
        issues: Array<{ key: string; fields: { security: { id: string } | null } }>;
        nextPageToken?: string;
      }>('POST', '/rest/api/3/search/jql', {
        jql: 'project = BUG',
        fields: ['security'],
        maxResults: 100,
        ...(nextPageToken ? { nextPageToken } : {}),
      });
      for (const issue of page.body.issues) if (issue.fields.security?.id === levelOfSecurityBugs.id) securedKeys.add(issue.key);
      nextPageToken = page.body.nextPageToken;
    } while (nextPageToken);
    expect(securedKeys.size).toBeGreaterThan(0);

    const member = (await harness.viewedHistory('BUG', person('member').accountId)).history!;
    const adminView = (await harness.viewedHistory('BUG', person('admin').accountId)).history!;
    expect(member.key.filter((key) => securedKeys.has(key))).toEqual([]);
    expect(adminView.key.filter((key) => securedKeys.has(key)).sort()).toEqual([...securedKeys].sort());
    expect(member.key.length).toBe(adminView.key.length - securedKeys.size);

    // The page computes its figures from what it is sent: the member's are those of BUG without the secured bugs.
    const now = harness.site.anchor.getTime();
    const withoutSecured: CompactHistory = filterCompactHistory(adminView, (issue) => !securedKeys.has(adminView.key[issue]!));
    expect(weeklyFlowFigures(member, DEFAULT_FLOW_CONFIG, now)).toEqual(weeklyFlowFigures(withoutSecured, DEFAULT_FLOW_CONFIG, now));
  }, 120_000);
});
