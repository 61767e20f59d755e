import path from 'node:path';
import { createDemoGitHub, type DemoGitHub } from '../github/demo-github';
import { KvsEmulator, type KvsLimits } from '../kvs';
import type { InvocationLimits } from '../runtime/invocation-limits';
import { LocalPlatform } from '../runtime/local-platform';
import { InProcessTarget, PRINCIPAL_HEADER, type SimulatedService } from '../runtime/product-target';
import { developmentForgeVariables } from '../sealing/development-sealing-keys';
import { createDemoSlack, type DemoSlack } from '../slack/demo-slack';
import { forgetRequestThrottles } from './request-throttles';
import type { AnswerOf, ResolverResult, SettingsFunctions } from '../../src/shared/resolver-contract';

/**
 * The settings page's resolvers on the real platform and SDKs, against a tiny Jira (two projects, three
 * people) and the simulated GitHub and Slack. Jira answers `mypermissions` per person: the admin has
 * ADMINISTER, the member only browses, the outsider has neither.
 */
export const PEOPLE = {
  admin: '5b10a2844c20165700ede21g',
  member: '5b10ac8d82e05b22cc7d4ef5',
  outsider: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
} as const;

export const TINY_PROJECTS = [
  { id: '10000', key: 'FLOW', name: 'Flow team' },
  { id: '10001', key: 'WEB', name: 'Website' },
];

/** Two issue types sharing statuses, as Jira lists them; "In Review" appears under both. */
export const FLOW_STATUSES = [
  { id: '10000', name: 'To Do', category: 'new' },
  { id: '3', name: 'In Progress', category: 'indeterminate' },
  { id: '10001', name: 'In Review', category: 'indeterminate' },
  { id: '10002', name: 'Done', category: 'done' },
] as const;

const statusJson = (status: (typeof FLOW_STATUSES)[number]) => ({
  id: status.id,
  name: status.name,
  self: `http://jira.local/rest/api/3/status/${status.id}`,
  statusCategory: { key: status.category },
});

const tinyJira: SimulatedService = {
  handle({ path: requestPath, headers }) {
    const who = headers[PRINCIPAL_HEADER] ?? '';
    const json = (status: number, value: unknown) => ({
      status,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(value),
    });
    const url = new URL(requestPath, 'http://jira');
    if (url.pathname === '/rest/api/3/mypermissions') {
      const permission = url.searchParams.get('permissions') ?? '';
      const granted =
        permission === 'ADMINISTER'
          ? who === `user:${PEOPLE.admin}`
          : permission === 'BROWSE_PROJECTS'
            ? who !== `user:${PEOPLE.outsider}`
            : false;
      return json(200, { permissions: { [permission]: { havePermission: granted } } });
    }
    if (url.pathname === '/rest/api/3/project/search') {
      return json(200, { startAt: 0, maxResults: 100, isLast: true, total: TINY_PROJECTS.length, values: TINY_PROJECTS });
    }
    const statuses = /^\/rest\/api\/3\/project\/([A-Z]+)\/statuses$/.exec(url.pathname);
    if (statuses && TINY_PROJECTS.some((p) => p.key === statuses[1])) {
      return json(200, [
        {
          id: '10100',
          name: 'Story',
          self: 'http://jira.local/rest/api/3/issuetype/10100',
          subtask: false,
          statuses: FLOW_STATUSES.map(statusJson),
        },
        {
          id: '10101',
          name: 'Bug',
          self: 'http://jira.local/rest/api/3/issuetype/10101',
          subtask: false,
          statuses: FLOW_STATUSES.slice(1).map(statusJson),
        },
      ]);
    }
    const project = /^\/rest\/api\/3\/project\/([A-Z]+)$/.exec(url.pathname);
    const found = TINY_PROJECTS.find((p) => p.key === project?.[1]);
    if (found) return json(200, found);
    return json(404, { errorMessages: ['not here'] });
  },
};

/** The name of a settings page function, as the contract's map spells it. */
export type SettingsFunctionKey = keyof SettingsFunctions;

export interface SettingsTestSite {
  platform: LocalPlatform;
  kvs: KvsEmulator;
  github: DemoGitHub;
  slack: DemoSlack;
  /** Calls a settings resolver function as one of PEOPLE, and answers what the bridge would deliver. */
  call<Key extends keyof SettingsFunctions>(accountId: string, functionKey: Key, payload?: unknown): Promise<ResolverResult<AnswerOf<Key>>>;
  /** False (the default): the settings requests' throttles are forgotten after each call (see request-throttles.ts). */
  keepRequestThrottles: boolean;
}

/** Atlassian's personal-data reporting, when a test does not bring its own: "nothing to do" for every report. */
const NOTHING_TO_REPORT: SimulatedService = { handle: () => ({ status: 204, headers: {}, body: '' }) };

export function createSettingsTestSite(
  now: () => Date = () => new Date(),
  personalData: SimulatedService = NOTHING_TO_REPORT,
  limits: { kvs?: Partial<KvsLimits>; invocations?: Partial<InvocationLimits> } = {},
): SettingsTestSite {
  const kvs = new KvsEmulator({ limits: limits.kvs ?? {} });
  const platform = new LocalPlatform({
    rootDir: path.resolve(__dirname, '../..'),
    kvs,
    jira: new InProcessTarget(tinyJira),
    personalData: new InProcessTarget(personalData),
    cloudId: 'cloud-settings-test',
    siteUrl: 'http://jira.local',
    appAccountId: 'app-account',
    environment: developmentForgeVariables(),
    invocationLimits: limits.invocations ?? {},
  });
  const github = createDemoGitHub(now);
  const slack = createDemoSlack(now);
  platform.simulateExternal('https://api.github.com', github.github);
  platform.simulateExternal('https://slack.com', slack.slack);
  const site: SettingsTestSite = {
    platform,
    kvs,
    github,
    slack,
    keepRequestThrottles: false,
    call: async <Key extends keyof SettingsFunctions>(accountId: string, functionKey: Key, payload: unknown = {}) => {
      const answer = await platform.invokeResolver({ moduleKey: 'flow-metrics-settings', functionKey, payload, accountId });
      if (!site.keepRequestThrottles) await forgetRequestThrottles(kvs);
      return answer as ResolverResult<AnswerOf<Key>>;
    },
  };
  return site;
}

/**
 * The data of an answer a test expects to succeed. A refusal fails the test with its code and message,
 * where reading `data` of it would fail on `undefined` and hide why.
 */
export function dataOf<Data>(answer: ResolverResult<Data>): Data {
  if (!answer.ok) throw new Error(`expected an answer, got ${answer.error.code}: ${answer.error.message}`);
  return answer.data;
}

/** The details of a GitHub or Slack connection a test expects to be connected. */
export function connectionOf<Connection extends { connected: boolean }>(
  answer: ResolverResult<Connection>,
): Extract<Connection, { connected: true }> {
  const connection = dataOf(answer);
  if (!connection.connected) throw new Error('expected a connection, got "not connected"');
  return connection as Extract<Connection, { connected: true }>;
}
