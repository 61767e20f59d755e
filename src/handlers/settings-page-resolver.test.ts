import { expect } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DEMO_REPOSITORIES } from '../../dev/github/demo-github';
import { DEMO_CHANNELS } from '../../dev/slack/demo-slack';
import {
  connectionOf,
  createSettingsTestSite,
  dataOf,
  FLOW_STATUSES,
  PEOPLE,
  type SettingsFunctionKey,
  type SettingsTestSite,
} from '../../dev/testing/settings-test-site';
import { SEALING_KEYS_VARIABLE } from '../adapters/secrets/sealing-key-ring';
import { parseFlowConfig } from '../domain';
import { AUDIT_LOG_PAGE_SIZE, ERASE_CONFIRMATION_PHRASE } from '../shared/resolver-contract';
import {
  DEFAULT_CONVENTION_SETTINGS,
  FLOW_TEAM_DEFAULT_WORKFLOW,
  FLOW_TEAM_WITH_REVIEW_STAGE,
} from '../shared/testing/workflow-settings-fixtures';
import { SETTINGS_FUNCTION_KEYS } from './settings-page-resolver';

/**
 * The settings page's resolver, run by the local platform on the real Forge SDKs: each function as the Jira
 * admin, and every function refused to a member and an outsider with nothing changed.
 */
const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: 'Only Jira administrators can change Flow metrics settings.' } };
const code = (answer: { ok: boolean; error?: { code: string } }) => (answer.ok ? 'OK' : answer.error!.code);

function withSite(): SettingsTestSite {
  const site = createSettingsTestSite();
  beforeAll(() => site.platform.install());
  afterAll(() => site.platform.uninstall());
  return site;
}

describe('the settings resolver, for the Jira admin', () => {
  const site = withSite();
  const admin = <Key extends SettingsFunctionKey>(functionKey: Key, payload: unknown = {}) => site.call(PEOPLE.admin, functionKey, payload);
  const plain = (key: string) => site.kvs.listPlain(key).find((entry) => entry.key === key)?.value;

  describe('projects and workflows', () => {
    it('lists every project with whether it is measured', async () => {
      const answer = await admin('listProjectSettings');
      expect(dataOf(answer).projects).toEqual([
        { id: '10000', key: 'FLOW', name: 'Flow team', measured: false, sync: null },
        { id: '10001', key: 'WEB', name: 'Website', measured: false, sync: null },
      ]);
    });

    it('measures a project, queues its first sync, and lists it with its sync state', async () => {
      await expect(admin('setProjectMeasured', { projectKey: 'FLOW', measured: true })).resolves.toEqual({
        ok: true,
        data: { measuredProjectKeys: ['FLOW'], syncQueued: true },
      });
      expect(plain('settings:measured-projects')).toEqual(['FLOW']);
      expect(site.platform.queue.peek().map((event) => event.body)).toEqual([{ projectKey: 'FLOW', reason: 'backfill', erasure: 0 }]);
      const listed = await admin('listProjectSettings');
      expect(dataOf(listed).projects[0]).toMatchObject({ key: 'FLOW', measured: true, sync: { status: 'queued', lastSuccessAt: null } });
      // Asking again changes nothing and queues nothing.
      await expect(admin('setProjectMeasured', { projectKey: 'FLOW', measured: true })).resolves.toMatchObject({
        data: { syncQueued: false },
      });
      expect(site.platform.queue.size).toBe(1);
    });

    it('refuses to measure a project Jira does not show the app', async () => {
      expect(code(await admin('setProjectMeasured', { projectKey: 'NOPE', measured: true }))).toBe('NOT_FOUND');
      expect(code(await admin('setProjectMeasured', { projectKey: 'flow; DROP', measured: true }))).toBe('INVALID_INPUT');
    });

    it("prefills the workflow from Jira's status categories and the engine's conventions", async () => {
      const answer = await admin('getProjectWorkflow', { projectKey: 'FLOW' });
      expect(dataOf(answer)).toMatchObject({
        measured: true,
        customised: false,
        statuses: FLOW_STATUSES.map(({ id, name, category }) => ({ id, name, category })),
        workflow: FLOW_TEAM_DEFAULT_WORKFLOW,
        conventions: DEFAULT_CONVENTION_SETTINGS,
      });
    });

    it('saves a workflow as the flow configuration document the engine reads', async () => {
      const conventions = {
        ...DEFAULT_CONVENTION_SETTINGS,
        unit: 'days-exclusive',
        workingDays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        timeZone: 'Europe/Berlin',
      };
      const answer = await admin('saveProjectWorkflow', { projectKey: 'FLOW', workflow: FLOW_TEAM_WITH_REVIEW_STAGE, conventions });
      expect(dataOf(answer)).toMatchObject({ customised: true, workflow: FLOW_TEAM_WITH_REVIEW_STAGE, conventions });
      const stored = parseFlowConfig(plain('project:FLOW:flow-config'));
      expect(stored.workflow?.stages.map((stage) => stage.name)).toEqual(['To Do', 'In Progress', 'Review', 'Done']);
      expect(stored.conventions).toMatchObject({ unit: 'days-exclusive', timeZone: 'Europe/Berlin' });
      // Review is waiting time: flow efficiency reads the flag.
      expect(stored.workflow?.stages[2]?.active).toBe(false);
    });

    it('saves discarded statuses and the issue types left out by default, and answers them back', async () => {
      const workflow = { ...FLOW_TEAM_WITH_REVIEW_STAGE, discardedStatusIds: ['10002'] };
      const answer = await admin('saveProjectWorkflow', {
        projectKey: 'FLOW',
        workflow,
        conventions: DEFAULT_CONVENTION_SETTINGS,
        excludedIssueTypes: ['Epic'],
      });
      expect(dataOf(answer)).toMatchObject({ workflow, excludedIssueTypes: ['Epic'] });
      const stored = parseFlowConfig(plain('project:FLOW:flow-config'));
      expect(stored.workflow?.discardedStatuses).toEqual(['10002']);
      expect(stored.excludedIssueTypes).toEqual(['Epic']);
    });

    it('saves discarded resolutions, and answers them back', async () => {
      const workflow = { ...FLOW_TEAM_WITH_REVIEW_STAGE, discardedResolutions: ["Won't Fix", 'Duplicate'] };
      const answer = await admin('saveProjectWorkflow', { projectKey: 'FLOW', workflow, conventions: DEFAULT_CONVENTION_SETTINGS });
      expect(dataOf(answer)).toMatchObject({ workflow });
      expect(parseFlowConfig(plain('project:FLOW:flow-config')).workflow?.discardedResolutions).toEqual(["Won't Fix", 'Duplicate']);
    });

    it.each([
      [
        'a resolution listed twice',
        { ...FLOW_TEAM_WITH_REVIEW_STAGE, discardedResolutions: ['Duplicate', 'duplicate'] },
        /each resolution is listed once/,
      ],
      ['a resolution without a name', { ...FLOW_TEAM_WITH_REVIEW_STAGE, discardedResolutions: ['  '] }, /a resolution needs a name/],
      [
        'a discarded status before the done stage',
        { ...FLOW_TEAM_WITH_REVIEW_STAGE, discardedStatusIds: ['3'] },
        /discarded status "3" is in "In Progress", before the done stage/,
      ],
      [
        'a status left out',
        {
          ...FLOW_TEAM_WITH_REVIEW_STAGE,
          stages: FLOW_TEAM_WITH_REVIEW_STAGE.stages.slice(0, 3).concat({ name: 'Done', statusIds: [], active: false }),
        },
        /"Done" is not in any stage/,
      ],
      [
        'a status in two stages',
        {
          ...FLOW_TEAM_WITH_REVIEW_STAGE,
          stages: [...FLOW_TEAM_WITH_REVIEW_STAGE.stages.slice(0, 3), { name: 'Done', statusIds: ['10002', '3'], active: false }],
        },
        /in both/,
      ],
      [
        'a status of another project',
        {
          ...FLOW_TEAM_WITH_REVIEW_STAGE,
          stages: [...FLOW_TEAM_WITH_REVIEW_STAGE.stages.slice(0, 3), { name: 'Done', statusIds: ['10002', '99'], active: false }],
        },
        /99 is not a status/,
      ],
      [
        'done before start',
        { ...FLOW_TEAM_WITH_REVIEW_STAGE, startStage: 'Done', doneStage: 'In Progress' },
        /start stage must come before/,
      ],
    ])('refuses a workflow with %s, and keeps the saved one', async (_, workflow, message) => {
      const before = plain('project:FLOW:flow-config');
      const answer = await admin('saveProjectWorkflow', { projectKey: 'FLOW', workflow, conventions: DEFAULT_CONVENTION_SETTINGS });
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) } });
      expect(plain('project:FLOW:flow-config')).toEqual(before);
    });

    it('refuses conventions the engine does not know', async () => {
      const bad = await admin('saveProjectWorkflow', {
        projectKey: 'FLOW',
        workflow: FLOW_TEAM_WITH_REVIEW_STAGE,
        conventions: { ...DEFAULT_CONVENTION_SETTINGS, timeZone: 'Mars/Olympus' },
      });
      expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('conventions.timeZone') } });
    });

    it('resets a workflow to the defaults', async () => {
      const answer = await admin('resetProjectWorkflow', { projectKey: 'FLOW' });
      expect(dataOf(answer)).toMatchObject({ customised: false, workflow: { startStage: 'In Progress' } });
      expect(plain('project:FLOW:flow-config')).toBeUndefined();
    });

    it('queues "sync now" and "rebuild from scratch" for a measured project only', async () => {
      await expect(admin('requestProjectSync', { projectKey: 'FLOW', mode: 'rebuild' })).resolves.toMatchObject({
        ok: true,
        data: { projectKey: 'FLOW', mode: 'rebuild' },
      });
      await admin('requestProjectSync', { projectKey: 'FLOW', mode: 'sync-now' });
      expect(
        site.platform.queue
          .peek()
          .slice(-2)
          .map((event) => event.body),
      ).toEqual([
        { projectKey: 'FLOW', reason: 'rebuild', erasure: 0 },
        { projectKey: 'FLOW', reason: 'sync-now', erasure: 0 },
      ]);
      expect(dataOf(await admin('listProjectSettings')).projects[0]).toMatchObject({ key: 'FLOW', sync: { status: 'queued' } });
      expect(code(await admin('requestProjectSync', { projectKey: 'WEB', mode: 'sync-now' }))).toBe('INVALID_INPUT');
    });

    it('stops measuring a project', async () => {
      await expect(admin('setProjectMeasured', { projectKey: 'FLOW', measured: false })).resolves.toMatchObject({
        data: { measuredProjectKeys: [] },
      });
    });
  });

  describe('GitHub', () => {
    const repositories = [DEMO_REPOSITORIES.webApp, DEMO_REPOSITORIES.mobileApp, DEMO_REPOSITORIES.platformApi];

    it('starts disconnected, saying whether tokens can be sealed', async () => {
      await expect(admin('getGitHubConnection')).resolves.toEqual({
        ok: true,
        data: { connected: false, sealing: { configured: true, newestKeyId: 'local-development', keyCount: 1, problem: null } },
      });
    });

    it('connects a fine-grained token after checking it with GitHub, and shows what it can see and when it expires', async () => {
      const answer = await admin('connectGitHub', { token: site.github.tokens.readOnly.token, repositories });
      expect(dataOf(answer)).toMatchObject({
        connected: true,
        login: 'flow-metrics-reader',
        tokenKind: 'fine-grained',
        scopes: null,
        expiresAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        repositories: repositories.map((fullName) => ({ fullName, visible: true, private: true, archived: false, defaultBranch: 'main' })),
        connectedBy: PEOPLE.admin,
        lastCheck: { outcome: 'ok', problem: null },
        warnings: [],
        sealedWithKeyId: 'local-development',
      });
      expect(site.kvs.listSecrets().map((entry) => entry.key)).toEqual(['secret:github-token']);
      expect(plain('connection:github')).toMatchObject({ login: 'flow-metrics-reader' });
    });

    it('replaces the token, warning about repositories the new one cannot see', async () => {
      const answer = await admin('connectGitHub', { token: site.github.tokens.narrow.token, repositories });
      expect(connectionOf(answer).repositories.map((r: { visible: boolean }) => r.visible)).toEqual([true, false, false]);
      expect(connectionOf(answer).warnings).toEqual(
        expect.arrayContaining([
          expect.stringContaining(DEMO_REPOSITORIES.mobileApp),
          expect.stringContaining(DEMO_REPOSITORIES.platformApi),
        ]),
      );
      expect(site.kvs.listSecrets()).toHaveLength(1);
    });

    it("warns about a classic token's write scopes and missing expiry", async () => {
      const answer = await admin('connectGitHub', { token: site.github.tokens.classicBroad.token, repositories });
      expect(dataOf(answer)).toMatchObject({ tokenKind: 'classic', scopes: ['repo', 'read:org'], expiresAt: null });
      expect(connectionOf(answer).warnings).toEqual(
        expect.arrayContaining([expect.stringContaining('(repo) allow changes'), expect.stringContaining('never expires')]),
      );
    });

    it.each(['expired', 'revoked'] as const)('refuses a %s token and keeps the current connection', async (which) => {
      const before = site.kvs.listSecrets();
      const answer = await admin('connectGitHub', { token: site.github.tokens[which].token, repositories });
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringContaining('GitHub did not accept this token') },
      });
      expect(site.kvs.listSecrets()).toEqual(before);
      expect(connectionOf(await admin('getGitHubConnection')).tokenKind).toBe('classic');
    });

    it('refuses a token that can see none of the repositories', async () => {
      const answer = await admin('connectGitHub', { token: site.github.tokens.narrow.token, repositories: ['acme-flow/no-such-repo'] });
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('cannot see any') } });
    });

    it.each([
      ['a token of the wrong shape', { token: 'ghx_notatoken', repositories }],
      ['a Slack token', { token: site.slack.tokens.bot.token, repositories }],
      ['a repository that is not owner/repo', { token: site.github.tokens.readOnly.token, repositories: ['web-app'] }],
      ['no repository', { token: site.github.tokens.readOnly.token, repositories: [] }],
      ['a repository twice', { token: site.github.tokens.readOnly.token, repositories: ['a/b', 'A/B'] }],
      ['an unexpected field', { token: site.github.tokens.readOnly.token, repositories, owner: 'me' }],
    ])('refuses %s before asking GitHub anything', async (_, payload) => {
      const asked = site.github.github.requests().length;
      expect(code(await admin('connectGitHub', payload))).toBe('INVALID_INPUT');
      expect(site.github.github.requests()).toHaveLength(asked);
    });

    it('changes the watched repositories with the stored token', async () => {
      const answer = await admin('updateGitHubRepositories', {
        repositories: [DEMO_REPOSITORIES.designSystem, DEMO_REPOSITORIES.legacyBilling],
      });
      expect(connectionOf(answer).repositories).toMatchObject([
        { fullName: DEMO_REPOSITORIES.designSystem, visible: true, private: false },
        { fullName: DEMO_REPOSITORIES.legacyBilling, visible: true, archived: true },
      ]);
      expect(connectionOf(answer).warnings).toEqual(expect.arrayContaining([expect.stringContaining('is archived')]));
    });

    it('says so when GitHub no longer accepts the stored token, and records the failed check', async () => {
      site.github.github.revokeToken(site.github.tokens.classicBroad.token);
      const answer = await admin('updateGitHubRepositories', { repositories });
      expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED', message: expect.stringContaining('no longer accepts') } });
      expect(dataOf(await admin('getGitHubConnection'))).toMatchObject({ lastCheck: { outcome: 'failed' } });
    });

    it('disconnects, deleting the secret at once', async () => {
      await expect(admin('disconnectGitHub')).resolves.toMatchObject({ ok: true, data: { connected: false } });
      expect(site.kvs.listSecrets()).toEqual([]);
      expect(plain('connection:github')).toBeUndefined();
      expect(code(await admin('updateGitHubRepositories', { repositories }))).toBe('INVALID_INPUT');
    });

    it('refuses to store a token without a sealing key, before asking GitHub anything', async () => {
      const asked = site.github.github.requests().length;
      const configured = process.env[SEALING_KEYS_VARIABLE];
      site.platform.environment.set(SEALING_KEYS_VARIABLE, undefined);
      try {
        const answer = await admin('connectGitHub', { token: site.github.tokens.readOnly.token, repositories });
        expect(answer).toMatchObject({
          ok: false,
          error: { code: 'NOT_CONFIGURED', message: expect.stringContaining('forge variables set --encrypt') },
        });
        expect(dataOf(await admin('getGitHubConnection')).sealing).toEqual({
          configured: false,
          newestKeyId: null,
          keyCount: 0,
          problem: null,
        });
      } finally {
        site.platform.environment.set(SEALING_KEYS_VARIABLE, configured);
      }
      expect(site.github.github.requests()).toHaveLength(asked);
      expect(site.kvs.listSecrets()).toEqual([]);
    });
  });

  describe('Slack', () => {
    it('connects a bot token after auth.test and conversations.info, warning when the bot is not in the channel', async () => {
      const answer = await admin('connectSlack', { token: site.slack.tokens.bot.token, channelId: DEMO_CHANNELS.teamAlpha });
      expect(dataOf(answer)).toMatchObject({
        connected: true,
        workspace: { id: 'T0FLOWDEMO1', name: 'Acme Flow', url: 'https://acme-flow.slack.com/' },
        botUserId: 'U0FLOWBOT01',
        scopes: ['chat:write', 'channels:read', 'groups:read'],
        channel: { id: DEMO_CHANNELS.teamAlpha, name: 'team-alpha', isPrivate: false, isMember: false },
        connectedBy: PEOPLE.admin,
        warnings: [expect.stringContaining('not in #team-alpha')],
      });
      expect(site.kvs.listSecrets().map((entry) => entry.key)).toEqual(['secret:slack-bot-token']);
    });

    it('explains a failed test message, then sends one once the bot is invited', async () => {
      const failed = await admin('sendSlackTestMessage');
      expect(failed).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED', message: expect.stringContaining('invite it') } });
      expect(site.slack.slack.messages()).toEqual([]);
      site.slack.slack.setBotMembership(DEMO_CHANNELS.teamAlpha, true);
      const sent = await admin('sendSlackTestMessage');
      expect(dataOf(sent)).toMatchObject({ channel: { id: DEMO_CHANNELS.teamAlpha, isMember: true } });
      expect(site.slack.slack.messages(DEMO_CHANNELS.teamAlpha)).toHaveLength(1);
      expect(dataOf(await admin('getSlackConnection'))).toMatchObject({
        warnings: [],
        lastTestMessageAt: dataOf(sent).sentAt,
        lastCheck: { outcome: 'ok' },
      });
    });

    it('moves to another channel with the stored token', async () => {
      const answer = await admin('updateSlackChannel', { channelId: DEMO_CHANNELS.leads });
      expect(connectionOf(answer).channel).toEqual({ id: DEMO_CHANNELS.leads, name: 'leads', isPrivate: true, isMember: true });
      expect(code(await admin('updateSlackChannel', { channelId: DEMO_CHANNELS.people }))).toBe('INVALID_INPUT');
      expect(connectionOf(await admin('getSlackConnection')).channel.id).toBe(DEMO_CHANNELS.leads);
    });

    it.each([
      ['a token without chat:write', 'readOnly', DEMO_CHANNELS.flowMetrics, /chat:write/],
      ['a token that cannot look channels up', 'chatOnly', DEMO_CHANNELS.flowMetrics, /lacks the scope needed here \(channels:read/],
      ['a revoked token', 'revoked', DEMO_CHANNELS.flowMetrics, /did not accept this token/],
      ['a private channel the bot is not in', 'bot', DEMO_CHANNELS.people, /cannot find channel/],
      ['an archived channel', 'bot', DEMO_CHANNELS.oldReleases, /archived/],
    ] as const)('refuses %s and keeps the current connection', async (_, token, channelId, message) => {
      const answer = await admin('connectSlack', { token: site.slack.tokens[token].token, channelId });
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) } });
      expect(connectionOf(await admin('getSlackConnection')).channel.id).toBe(DEMO_CHANNELS.leads);
    });

    it.each([
      ['a user token', { token: 'xoxp-1234-5678-abcdefabcdefabcdef', channelId: DEMO_CHANNELS.flowMetrics }],
      ['a GitHub token', { token: 'ghp_' + 'a'.repeat(36), channelId: DEMO_CHANNELS.flowMetrics }],
      ['a channel name', { token: 'xoxb-1-2-abcdefabcdefabcdef', channelId: '#general' }],
      ['a direct message', { token: 'xoxb-1-2-abcdefabcdefabcdef', channelId: 'D0123456789' }],
    ])('refuses %s before asking Slack anything', async (_, payload) => {
      const before = await site.slack.slack.handle({ method: 'GET', path: '/api/auth.test', headers: {} });
      expect(code(await admin('connectSlack', payload))).toBe('INVALID_INPUT');
      const after = await site.slack.slack.handle({ method: 'GET', path: '/api/auth.test', headers: {} });
      // The simulation numbers its answers: only our own two probes happened in between.
      expect(Number(after.headers['x-slack-req-id']!.slice(4)) - Number(before.headers['x-slack-req-id']!.slice(4))).toBe(1);
    });

    it('disconnects, deleting the secret at once', async () => {
      await expect(admin('disconnectSlack')).resolves.toMatchObject({ ok: true, data: { connected: false } });
      expect(site.kvs.listSecrets()).toEqual([]);
      expect(code(await admin('sendSlackTestMessage'))).toBe('INVALID_INPUT');
    });
  });

  describe('data and privacy', () => {
    it('shows the retention window, accounts kept and sealing', async () => {
      const answer = await admin('getDataPrivacy');
      expect(dataOf(answer)).toMatchObject({
        retentionDays: 730,
        retentionLimits: { min: 30, max: 1825, default: 730 },
        lastPurge: null,
        lastPersonalDataReport: null,
        storedAccounts: 1,
        sealing: { configured: true, newestKeyId: 'local-development' },
        secretsOnOlderKeys: 0,
      });
    });

    it('keeps the retention window within 30 days and 5 years', async () => {
      expect(code(await admin('setRetention', { retentionDays: 29 }))).toBe('INVALID_INPUT');
      expect(code(await admin('setRetention', { retentionDays: 1826 }))).toBe('INVALID_INPUT');
      expect(code(await admin('setRetention', { retentionDays: 90.5 }))).toBe('INVALID_INPUT');
      await expect(admin('setRetention', { retentionDays: 365 })).resolves.toMatchObject({ data: { retentionDays: 365 } });
      expect(plain('settings:retention')).toEqual({ version: 2, retentionDays: 365 });
    });

    it('queues a purge now, which the queue runs and records', async () => {
      const answer = await admin('purgeNow');
      expect(dataOf(answer)).toEqual({ queued: true, requestedAt: expect.any(String) });
      await site.platform.drainQueue();
      const lastPurge = dataOf(await admin('getDataPrivacy')).lastPurge;
      expect(lastPurge).toMatchObject({ retentionDays: 365, removed: 0 });
      expect(lastPurge !== null && lastPurge.at >= dataOf(answer).requestedAt).toBe(true);
    });

    it('shows the last personal-data report', async () => {
      await site.kvs.fetch('/api/v1/set', {
        method: 'POST',
        body: JSON.stringify({
          key: 'privacy:last-report',
          value: { at: '2026-03-01T00:00:00.000Z', accountsReported: 3, closed: 1, updated: 0, outcome: 'ok' },
        }),
      });
      expect(dataOf(await admin('getDataPrivacy')).lastPersonalDataReport).toEqual({
        at: '2026-03-01T00:00:00.000Z',
        accountsReported: 3,
        closed: 1,
        updated: 0,
        outcome: 'ok',
      });
    });

    it('exports every stored value, in chunks, without secrets', async () => {
      await admin('connectGitHub', { token: site.github.tokens.readOnly.token, repositories: [DEMO_REPOSITORIES.webApp] });
      const first = await admin('exportAppData');
      expect(dataOf(first)).toMatchObject({ format: 'flow-metrics-export/1', nextCursor: null });
      const keys = dataOf(first).entries.map((entry: { key: string }) => entry.key);
      expect(keys).toEqual(site.kvs.listPlain().map((entry) => entry.key));
      expect(keys).toEqual(
        expect.arrayContaining(['connection:github', 'settings:retention', 'audit:head', `personal-data:account:${PEOPLE.admin}`]),
      );
      expect(keys.some((key: string) => key.startsWith('secret:'))).toBe(false);
    });

    it('re-seals stored tokens under a newly added key', async () => {
      const current = process.env[SEALING_KEYS_VARIABLE]!;
      site.platform.environment.set(SEALING_KEYS_VARIABLE, `2026-q2:${randomBytes(32).toString('base64')},${current}`);
      expect(dataOf(await admin('getDataPrivacy'))).toMatchObject({
        sealing: { newestKeyId: '2026-q2', keyCount: 2 },
        secretsOnOlderKeys: 1,
      });
      await expect(admin('resealSecrets')).resolves.toEqual({
        ok: true,
        data: { newestKeyId: '2026-q2', resealed: 1, alreadyCurrent: 0, unreadable: 0 },
      });
      expect(dataOf(await admin('getDataPrivacy')).secretsOnOlderKeys).toBe(0);
      expect(connectionOf(await admin('getGitHubConnection')).sealedWithKeyId).toBe('2026-q2');
    });

    it('erases nothing without the typed confirmation', async () => {
      const before = [site.kvs.listPlain(), site.kvs.listSecrets()];
      expect(code(await admin('eraseAllAppData', { confirmation: 'yes' }))).toBe('INVALID_INPUT');
      expect([site.kvs.listPlain(), site.kvs.listSecrets()]).toEqual(before);
    });

    it('erases everything with it, then records who did', async () => {
      const answer = await admin('eraseAllAppData', { confirmation: ERASE_CONFIRMATION_PHRASE });
      expect(dataOf(answer)).toMatchObject({ done: true, erasedSecrets: 1 });
      expect(dataOf(answer).erasedValues).toBeGreaterThan(5);
      expect(site.kvs.listSecrets()).toEqual([]);
      expect(site.kvs.listPlain().map((entry) => entry.key)).toEqual([
        'audit:head',
        'audit:page:00000001',
        `personal-data:account:${PEOPLE.admin}`,
        'privacy:erasure-generation',
      ]);
      const log = await admin('getAuditLog');
      expect(dataOf(log).entries).toEqual([expect.objectContaining({ action: 'data.erased', actorAccountId: PEOPLE.admin })]);
    });
  });
});

describe('the audit log', () => {
  const site = withSite();
  const admin = <Key extends SettingsFunctionKey>(functionKey: Key, payload: unknown = {}) => site.call(PEOPLE.admin, functionKey, payload);

  it('records who did what and when, newest first, and indexes the people in it', async () => {
    await admin('setProjectMeasured', { projectKey: 'WEB', measured: true });
    await admin('saveProjectWorkflow', {
      projectKey: 'WEB',
      workflow: FLOW_TEAM_WITH_REVIEW_STAGE,
      conventions: DEFAULT_CONVENTION_SETTINGS,
    });
    await admin('connectGitHub', { token: site.github.tokens.readOnly.token, repositories: [DEMO_REPOSITORIES.webApp] });
    await admin('connectGitHub', { token: site.github.tokens.narrow.token, repositories: [DEMO_REPOSITORIES.webApp] });
    await admin('disconnectGitHub');
    await admin('connectSlack', { token: site.slack.tokens.bot.token, channelId: DEMO_CHANNELS.flowMetrics });
    await admin('exportAppData');

    const log = await admin('getAuditLog');
    expect(dataOf(log).entries.map((entry: { action: string }) => entry.action)).toEqual([
      'data.exported',
      'slack.connected',
      'github.disconnected',
      'github.replaced',
      'github.connected',
      'workflow.changed',
      'project.measured',
    ]);
    for (const entry of dataOf(log).entries) {
      expect(Object.keys(entry).sort()).toEqual(['action', 'actorAccountId', 'at', 'details', 'id', 'subject']);
      expect(entry.actorAccountId).toBe(PEOPLE.admin);
    }
    expect(dataOf(log).entries.find((e: { action: string }) => e.action === 'workflow.changed')).toMatchObject({
      subject: 'WEB',
      details: { stages: 'To Do → In Progress → Review → Done', startStage: 'In Progress', doneStage: 'Done' },
    });
    expect(site.kvs.listPlain('personal-data:account:')).toEqual([
      {
        key: `personal-data:account:${PEOPLE.admin}`,
        value: {
          accountId: PEOPLE.admin,
          uses: ['audit-actor', 'github-connection', 'slack-connection'],
          firstStoredAt: expect.any(String),
          lastRefreshedAt: expect.any(String),
        },
      },
    ]);
  });
});

describe('refused attempts in the audit log', () => {
  const site = withSite();
  const admin = <Key extends SettingsFunctionKey>(functionKey: Key, payload: unknown = {}) => site.call(PEOPLE.admin, functionKey, payload);

  it('records refused connections and a failed test message: who, when and why, never the token', async () => {
    const refusedTokens = [
      site.github.tokens.expired.token,
      site.github.tokens.narrow.token,
      site.slack.tokens.revoked.token,
      site.slack.tokens.chatOnly.token,
      site.slack.tokens.bot.token,
    ];
    expect(code(await admin('connectGitHub', { token: site.github.tokens.expired.token, repositories: [DEMO_REPOSITORIES.webApp] }))).toBe(
      'INVALID_INPUT',
    );
    expect(
      code(await admin('connectGitHub', { token: site.github.tokens.narrow.token, repositories: [DEMO_REPOSITORIES.platformApi] })),
    ).toBe('INVALID_INPUT');
    expect(code(await admin('connectSlack', { token: site.slack.tokens.revoked.token, channelId: DEMO_CHANNELS.flowMetrics }))).toBe(
      'INVALID_INPUT',
    );
    await admin('connectSlack', { token: site.slack.tokens.bot.token, channelId: DEMO_CHANNELS.teamAlpha });
    expect(code(await admin('connectSlack', { token: site.slack.tokens.chatOnly.token, channelId: DEMO_CHANNELS.people }))).toBe(
      'INVALID_INPUT',
    );
    expect(code(await admin('connectSlack', { token: site.slack.tokens.bot.token, channelId: DEMO_CHANNELS.people }))).toBe(
      'INVALID_INPUT',
    );
    expect(code(await admin('sendSlackTestMessage'))).toBe('NOT_CONFIGURED');

    const log = await admin('getAuditLog');
    const facts = dataOf(log).entries.map(({ action, subject, details, actorAccountId }) => ({ action, subject, details, actorAccountId }));
    expect(facts).toEqual([
      {
        action: 'slack.test-message-failed',
        subject: `#team-alpha (${DEMO_CHANNELS.teamAlpha})`,
        details: { reason: 'not-in-channel' },
        actorAccountId: PEOPLE.admin,
      },
      {
        action: 'slack.connect-refused',
        subject: DEMO_CHANNELS.people,
        details: { reason: 'channel-not-found', replacing: true },
        actorAccountId: PEOPLE.admin,
      },
      {
        action: 'slack.connect-refused',
        subject: DEMO_CHANNELS.people,
        details: { reason: 'missing-scope', missingScope: 'channels:read,groups:read,im:read,mpim:read', replacing: true },
        actorAccountId: PEOPLE.admin,
      },
      expect.objectContaining({ action: 'slack.connected' }),
      {
        action: 'slack.connect-refused',
        subject: DEMO_CHANNELS.flowMetrics,
        details: { reason: 'bad-credentials', replacing: false },
        actorAccountId: PEOPLE.admin,
      },
      {
        action: 'github.connect-refused',
        subject: DEMO_REPOSITORIES.platformApi,
        details: { reason: 'no-repository-access', replacing: false },
        actorAccountId: PEOPLE.admin,
      },
      {
        action: 'github.connect-refused',
        subject: DEMO_REPOSITORIES.webApp,
        details: { reason: 'bad-credentials', replacing: false },
        actorAccountId: PEOPLE.admin,
      },
    ]);
    const stored = JSON.stringify(site.kvs.listPlain('audit:'));
    for (const token of refusedTokens) {
      for (const part of [token, token.slice(0, 15), token.slice(-12)]) expect(stored).not.toContain(part);
    }
    // Nothing was connected by the refused attempts.
    expect(dataOf(await admin('getGitHubConnection')).connected).toBe(false);
  });
});

describe('refused changes in the audit log', () => {
  const site = withSite();
  const admin = <Key extends SettingsFunctionKey>(functionKey: Key, payload: unknown = {}) => site.call(PEOPLE.admin, functionKey, payload);

  it('records a stored token, a channel or repositories refused while changing them, as a refused connection is', async () => {
    const { readOnly } = site.github.tokens;
    const { bot } = site.slack.tokens;
    expect(code(await admin('connectGitHub', { token: readOnly.token, repositories: [DEMO_REPOSITORIES.webApp] }))).toBe('OK');
    expect(code(await admin('connectSlack', { token: bot.token, channelId: DEMO_CHANNELS.flowMetrics }))).toBe('OK');
    const flowMetrics = `#flow-metrics (${DEMO_CHANNELS.flowMetrics})`;

    expect(code(await admin('updateGitHubRepositories', { repositories: ['acme-flow/no-such-repository'] }))).toBe('INVALID_INPUT');
    expect(code(await admin('updateSlackChannel', { channelId: DEMO_CHANNELS.people }))).toBe('INVALID_INPUT');
    site.github.github.revokeToken(readOnly.token);
    site.slack.slack.revokeToken(bot.token);
    expect(code(await admin('updateGitHubRepositories', { repositories: [DEMO_REPOSITORIES.platformApi] }))).toBe('NOT_CONFIGURED');
    expect(code(await admin('updateSlackChannel', { channelId: DEMO_CHANNELS.leads }))).toBe('NOT_CONFIGURED');

    const log = await admin('getAuditLog');
    const facts = dataOf(log).entries.map(({ action, subject, details, actorAccountId }) => ({ action, subject, details, actorAccountId }));
    expect(facts.slice(0, 4)).toEqual([
      {
        action: 'slack.channel-change-refused',
        subject: DEMO_CHANNELS.leads,
        details: { reason: 'bad-credentials', currentChannel: flowMetrics },
        actorAccountId: PEOPLE.admin,
      },
      {
        action: 'github.repositories-change-refused',
        subject: DEMO_REPOSITORIES.platformApi,
        details: { reason: 'bad-credentials' },
        actorAccountId: PEOPLE.admin,
      },
      {
        action: 'slack.channel-change-refused',
        subject: DEMO_CHANNELS.people,
        details: { reason: 'channel-not-found', currentChannel: flowMetrics },
        actorAccountId: PEOPLE.admin,
      },
      {
        action: 'github.repositories-change-refused',
        subject: 'acme-flow/no-such-repository',
        details: { reason: 'no-repository-access' },
        actorAccountId: PEOPLE.admin,
      },
    ]);
    const stored = JSON.stringify(site.kvs.listPlain('audit:'));
    for (const token of [readOnly.token, bot.token]) {
      for (const part of [token, token.slice(0, 15), token.slice(-12)]) expect(stored).not.toContain(part);
    }
  });
});

describe('paging the audit log', () => {
  const site = withSite();
  const admin = <Key extends SettingsFunctionKey>(functionKey: Key, payload: unknown = {}) => site.call(PEOPLE.admin, functionKey, payload);

  it('pages the log in pages of a fixed size, each continuing where the last stopped', async () => {
    for (let i = 0; i < 30; i += 1)
      expect(code(await admin('setProjectMeasured', { projectKey: 'WEB', measured: i % 2 === 0 }))).toBe('OK');
    const first = dataOf(await admin('getAuditLog'));
    expect(first).toMatchObject({ firstEntryNumber: 1, approximateTotal: 30 });
    expect(first.entries).toHaveLength(AUDIT_LOG_PAGE_SIZE);
    await admin('exportAppData');
    const second = dataOf(await admin('getAuditLog', { cursor: first.olderCursor }));
    expect(second).toMatchObject({ firstEntryNumber: AUDIT_LOG_PAGE_SIZE + 1, approximateTotal: 31, olderCursor: null });
    expect(second.entries).toHaveLength(30 - AUDIT_LOG_PAGE_SIZE);
    const ids = [...first.entries, ...second.entries].map((entry: { id: string }) => entry.id);
    expect(new Set(ids).size).toBe(30);
  });

  it('refuses a cursor it did not give out', async () => {
    expect(code(await admin('getAuditLog', { cursor: 'latest' }))).toBe('INVALID_INPUT');
    expect(code(await admin('getAuditLog', { cursor: 2 }))).toBe('INVALID_INPUT');
    expect(code(await admin('getAuditLog', { page: 2 }))).toBe('INVALID_INPUT');
  });
});

describe('the settings resolver, for anyone but a Jira admin', () => {
  const site = withSite();

  /** Every function with a payload it would accept from an admin. */
  const CALLS: Array<[SettingsFunctionKey, unknown]> = [
    ['listProjects', {}],
    ['listProjectSettings', {}],
    ['setProjectMeasured', { projectKey: 'WEB', measured: true }],
    ['getProjectWorkflow', { projectKey: 'FLOW' }],
    ['saveProjectWorkflow', { projectKey: 'FLOW', workflow: FLOW_TEAM_WITH_REVIEW_STAGE, conventions: DEFAULT_CONVENTION_SETTINGS }],
    ['resetProjectWorkflow', { projectKey: 'FLOW' }],
    ['proposeBoardWorkflow', { projectKey: 'FLOW' }],
    ['requestProjectSync', { projectKey: 'FLOW', mode: 'rebuild' }],
    ['getGitHubConnection', {}],
    ['connectGitHub', { token: site.github.tokens.narrow.token, repositories: [DEMO_REPOSITORIES.webApp] }],
    ['updateGitHubRepositories', { repositories: [DEMO_REPOSITORIES.designSystem] }],
    ['disconnectGitHub', {}],
    ['getSlackConnection', {}],
    ['createGitHubWebhookSecret', {}],
    ['getGeneratedPaths', {}],
    ['setGeneratedPaths', { patterns: ['src/api/generated/**'] }],
    ['connectSlack', { token: site.slack.tokens.bot.token, channelId: DEMO_CHANNELS.leads }],
    ['updateSlackChannel', { channelId: DEMO_CHANNELS.leads }],
    ['sendSlackTestMessage', {}],
    ['sendSlackDigest', {}],
    ['getSlackAlerts', {}],
    ['saveSlackAlerts', { projectKey: 'FLOW', serviceLevel: true, reviewWait: { enabled: true, hours: 24 }, channelId: null }],
    ['disconnectSlack', {}],
    ['getDataPrivacy', {}],
    ['setRetention', { retentionDays: 90 }],
    ['purgeNow', {}],
    ['exportAppData', {}],
    ['eraseAllAppData', { confirmation: ERASE_CONFIRMATION_PHRASE }],
    ['resealSecrets', {}],
    ['getAuditLog', {}],
  ];

  const everything = () => ({
    plain: site.kvs.listPlain(),
    secrets: site.kvs.listSecrets(),
    queued: site.platform.queue.size,
    githubRequests: site.github.github.requests().length,
    slackMessages: site.slack.slack.messages().length,
  });

  beforeAll(async () => {
    const admin = <Key extends SettingsFunctionKey>(functionKey: Key, payload: unknown) => site.call(PEOPLE.admin, functionKey, payload);
    await admin('setProjectMeasured', { projectKey: 'FLOW', measured: true });
    await admin('saveProjectWorkflow', {
      projectKey: 'FLOW',
      workflow: FLOW_TEAM_WITH_REVIEW_STAGE,
      conventions: DEFAULT_CONVENTION_SETTINGS,
    });
    await admin('connectGitHub', { token: site.github.tokens.readOnly.token, repositories: [DEMO_REPOSITORIES.webApp] });
    await admin('connectSlack', { token: site.slack.tokens.bot.token, channelId: DEMO_CHANNELS.flowMetrics });
  });

  it('covers every function the resolver defines', () => {
    expect(CALLS.map(([functionKey]) => functionKey).sort()).toEqual([...SETTINGS_FUNCTION_KEYS].sort());
  });

  it.each([
    ['member', PEOPLE.member],
    ['outsider', PEOPLE.outsider],
  ])('refuses the %s every function, and nothing changes', async (_, accountId) => {
    const before = everything();
    for (const [functionKey, payload] of CALLS) {
      const answer = await site.call(accountId, functionKey, payload);
      expect([functionKey, answer]).toEqual([
        functionKey,
        functionKey === 'listProjects' ? { ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } } : forbidden,
      ]);
    }
    expect(everything()).toEqual(before);
  });

  it('refuses before reading the payload, so a stranger learns nothing from validation', async () => {
    await expect(site.call(PEOPLE.outsider, 'connectGitHub', { token: 'nonsense' })).resolves.toEqual(forbidden);
    await expect(site.call(PEOPLE.member, 'setRetention', { retentionDays: -1 })).resolves.toEqual(forbidden);
  });
});
