import path from 'node:path';
import {
  FACET_FIELDS,
  facetsOfJiraIssue,
  facetValuesAt,
  issueAt,
  issueCount,
  IssueFacetsBuilder,
  JiraHistoryBuilder,
  type CompactHistory,
  type IssueFacetValues,
  type JiraStatus,
} from '../../src/domain';
import { decodeProjectHistory, decodeProjectHistoryUpdate, type HeldHistory } from '../../src/shared/project-history-decoding';
import type { AnswerOf, ProjectViewData, ResolverResult, SettingsFunctions, SyncNowData } from '../../src/shared/resolver-contract';
import { createDemoGitHub, type DemoGitHub } from '../github/demo-github';
import type { DemoRole } from '../jira/demo-data/demo-users';
import { createJiraSite, type JiraSite } from '../jira/jira-site';
import { KvsEmulator, type KvsLimits } from '../kvs';
import { LocalPlatform } from '../runtime/local-platform';
import { InProcessTarget, type SimulatedService } from '../runtime/product-target';
import { developmentForgeVariables } from '../sealing/development-sealing-keys';
import { createDemoSlack, type DemoSlack } from '../slack/demo-slack';
import { forgetRequestThrottles } from './request-throttles';

/**
 * The app on the local platform, with a simulated Jira site called in process: what the sync tests and the
 * sync benchmark drive. The app's real handlers run on the real @forge/* packages; only the platform
 * (KVS, queue, triggers, Jira) is simulated. Test support only.
 */
export interface SyncHarnessOptions {
  bigProjectIssues?: number;
  /** Deliver the site's issue events to the app's trigger, as Forge does. Off: tests deliver them by hand. */
  deliverEvents?: boolean;
  echoLogs?: boolean;
  /** KVS limits to change, e.g. `WITHOUT_QUOTAS` for a test that replays hundreds of syncs in seconds. */
  kvsLimits?: Partial<KvsLimits>;
}

export const PROJECT_PAGE = 'flow-metrics-project-page';
const SETTINGS_PAGE = 'flow-metrics-settings';

/** The demo GitHub and Slack the app reaches at their real addresses, with their tokens. */
export interface SimulatedIntegrations {
  github: DemoGitHub;
  slack: DemoSlack;
}

/**
 * Calls a settings page function as one person; the answer is what the bridge would deliver, typed by the
 * contract's map for the function called. The payload stays `unknown`: tests send malformed input on purpose.
 */
export type SettingsCall = <Key extends keyof SettingsFunctions>(
  functionKey: Key,
  payload?: unknown,
) => Promise<ResolverResult<AnswerOf<Key>>>;

/** What the simulated site counted: requests by endpoint and status, early retries, peak concurrency. */
export interface JiraSiteStats {
  total: number;
  byEndpoint: Record<string, number>;
  earlyRetries: number;
  maxConcurrency: number;
  byStatus: Record<string, number>;
}

/** Normalised issue: what two histories must agree on, independent of dictionary order. */
export interface IssueFacts {
  id: string;
  key: string;
  type: string;
  created: number;
  resolved: number | null;
  initialStatus: string;
  transitions: Array<[number, string]>;
  flags: Array<[number, boolean]>;
  /** Null for a history without facets (stored before they were kept). */
  facets: IssueFacetValues | null;
}

const quietPersonalData: SimulatedService = { handle: () => ({ status: 204, headers: {}, body: '' }) };

export class SyncHarness {
  readonly site: JiraSite;
  /** Its clock runs on with the queue's simulated time, so a job retried a minute later meets a new minute's quota. */
  readonly kvs: KvsEmulator;
  readonly platform: LocalPlatform;
  /** Runs before the site answers each request the app makes, e.g. to change an issue while a sync reads. */
  beforeAppRequest: ((request: { method: string; path: string; body?: string }) => Promise<void>) | null = null;
  /** False (the default): the settings requests' throttles are forgotten after each settings call (see request-throttles.ts). */
  keepRequestThrottles = false;
  private readonly unsubscribe: () => void;
  private integrations: SimulatedIntegrations | null = null;

  constructor(options: SyncHarnessOptions = {}) {
    // The KVS clock runs on with the queue's simulated time, so a job retried a minute later meets a new
    // minute's quota.
    this.kvs = new KvsEmulator({ limits: options.kvsLimits ?? {}, now: () => Date.now() + (this.platform?.queue.simulatedMs ?? 0) });
    this.site = createJiraSite(options.bigProjectIssues ? { bigProjectIssues: options.bigProjectIssues } : {});
    this.platform = new LocalPlatform({
      rootDir: path.resolve(__dirname, '../..'),
      kvs: this.kvs,
      jira: new InProcessTarget({
        handle: async (request) => {
          await this.beforeAppRequest?.(request);
          return this.site.handle(request);
        },
      }),
      personalData: new InProcessTarget(quietPersonalData),
      cloudId: 'sync-harness',
      siteUrl: this.site.siteUrl,
      appAccountId: this.site.appAccountId,
      echoLogs: options.echoLogs ?? false,
    });
    this.platform.install();
    const deliver = (event: { eventType: string } & Record<string, unknown>) => {
      if (options.deliverEvents) void this.platform.deliverProductEvent(event).catch(() => undefined);
    };
    this.site.events.on('issue-event', deliver);
    this.unsubscribe = () => this.site.events.off('issue-event', deliver);
  }

  close(): void {
    this.unsubscribe();
    this.platform.uninstall();
  }

  /**
   * The demo GitHub and Slack behind api.github.com and slack.com, and the development sealing key the app
   * seals their tokens with, as `forge variables` would set it. The app is not connected to either yet: that
   * is the settings page's `connectGitHub` / `connectSlack`. Asked again, the same simulations.
   */
  simulateIntegrations(): SimulatedIntegrations {
    if (this.integrations) return this.integrations;
    const integrations = { github: createDemoGitHub(), slack: createDemoSlack() };
    this.platform.simulateExternal('https://api.github.com', integrations.github.github);
    this.platform.simulateExternal('https://slack.com', integrations.slack.slack);
    this.platform.environment.apply(developmentForgeVariables());
    this.integrations = integrations;
    return integrations;
  }

  /** The settings page's functions, called as the demo user of `role`. */
  settingsAs(role: DemoRole): SettingsCall {
    const accountId = this.user(role);
    return async <Key extends keyof SettingsFunctions>(functionKey: Key, payload: unknown = {}) => {
      const answer = await this.platform.invokeResolver({ moduleKey: SETTINGS_PAGE, functionKey, payload, accountId });
      if (!this.keepRequestThrottles) await forgetRequestThrottles(this.kvs);
      return answer as ResolverResult<AnswerOf<Key>>;
    };
  }

  /** A user of the given demo role. */
  user(role: DemoRole): string {
    const user = this.site.users.find((candidate) => candidate.role === role);
    if (!user) throw new Error(`no ${role} on the demo site`);
    return user.accountId;
  }

  project(key: string): { id: string; key: string } {
    const project = this.site.projects.find((candidate) => candidate.key === key);
    if (!project) throw new Error(`no project ${key}`);
    return { id: project.id, key };
  }

  /** The site's control API and REST API, as JSON. */
  async jira<T = unknown>(method: string, requestPath: string, body?: unknown, principal = 'app'): Promise<{ status: number; body: T }> {
    const answer = await this.site.handle({
      method,
      path: requestPath,
      headers: { 'content-type': 'application/json', 'x-forge-sim-principal': principal },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: answer.status, body: (answer.body === '' ? undefined : JSON.parse(answer.body)) as T };
  }

  async stats(): Promise<JiraSiteStats> {
    return (await this.jira<JiraSiteStats>('GET', '/__jira/stats')).body;
  }

  async resetStats(): Promise<void> {
    await this.jira('DELETE', '/__jira/stats');
  }

  async chaos(settings: Record<string, unknown> | null): Promise<void> {
    if (settings === null) await this.jira('DELETE', '/__jira/chaos');
    else {
      const answer = await this.jira('POST', '/__jira/chaos', settings);
      if (answer.status !== 200) throw new Error(`chaos refused: ${JSON.stringify(answer.body)}`);
    }
  }

  async setValue(key: string, value: unknown): Promise<void> {
    await this.kvs.fetch('/api/v1/set', { method: 'POST', body: JSON.stringify({ key, value }) });
  }

  async measure(...projectKeys: string[]): Promise<void> {
    await this.setValue('settings:measured-projects', projectKeys);
  }

  /** The hourly trigger, then every queued job (and those they queue) to the end. */
  async runScheduledSync(): Promise<void> {
    await this.platform.runScheduledTrigger('hourly-incremental-sync');
    await this.platform.drainQueue();
  }

  async invoke<T>(functionKey: string, projectKey: string, accountId: string, payload: unknown = {}): Promise<ResolverResult<T>> {
    return (await this.platform.invokeResolver({
      moduleKey: PROJECT_PAGE,
      functionKey,
      payload,
      accountId,
      project: this.project(projectKey),
    })) as ResolverResult<T>;
  }

  async syncNow(projectKey: string, accountId = this.user('member')): Promise<ResolverResult<SyncNowData>> {
    return this.invoke<SyncNowData>('syncNow', projectKey, accountId);
  }

  /** The history the project page gets, decoded as the browser decodes it. */
  async viewedHistory(
    projectKey: string,
    accountId = this.user('member'),
  ): Promise<{ view: ProjectViewData; history: CompactHistory | null }> {
    const answer = await this.invoke<ProjectViewData>('getProjectView', projectKey, accountId);
    if (!answer.ok) throw new Error(`getProjectView: ${answer.error.code} ${answer.error.message}`);
    const view = answer.data;
    if (!view.history) return { view, history: null };
    const history = await decodeProjectHistory(view.history, async (fromShard) => {
      const part = await this.invoke<ProjectViewData>('getProjectView', projectKey, accountId, { fromShard });
      if (!part.ok || !part.data.history) throw new Error('a part of the history is missing');
      return part.data.history;
    });
    return { view, history };
  }

  /**
   * The project page's history as a returning browser gets it: holding `held` (what an earlier call
   * answered), it asks only for what changed since, and answers the history and what to hold next.
   */
  async viewedHistorySince(
    projectKey: string,
    held: HeldHistory | null,
    accountId = this.user('member'),
  ): Promise<{ view: ProjectViewData; history: CompactHistory | null; held: HeldHistory | null }> {
    const answer = await this.invoke<ProjectViewData>('getProjectView', projectKey, accountId, held ? { since: held.version } : {});
    if (!answer.ok) throw new Error(`getProjectView: ${answer.error.code} ${answer.error.message}`);
    const view = answer.data;
    if (!view.history) return { view, history: null, held: null };
    const update = await decodeProjectHistoryUpdate(
      view.history,
      async (fromShard) => {
        const part = await this.invoke<ProjectViewData>('getProjectView', projectKey, accountId, { fromShard });
        if (!part.ok || !part.data.history) throw new Error('a part of the history is missing');
        return part.data.history;
      },
      held,
    );
    return { view, ...update };
  }

  /** Jira's ground truth: the site's export (complete changelogs, in slices), read by the engine. */
  async truth(projectKey: string): Promise<CompactHistory> {
    const [statuses, fields] = await Promise.all([
      this.jira<JiraStatus[]>('GET', '/rest/api/3/status'),
      this.jira<Array<{ id: string; name: string }>>('GET', '/rest/api/3/field'),
    ]);
    const flaggedFieldIds = fields.body.filter((field) => field.name === 'Flagged').map((field) => field.id);
    const builder = new JiraHistoryBuilder({ statuses: statuses.body, flaggedFieldIds });
    const facets = new IssueFacetsBuilder();
    const slice = 10_000;
    for (let startAt = 0; ; startAt += slice) {
      const issues = await this.jira<Array<{ fields?: Record<string, unknown> }>>(
        'GET',
        `/__jira/export?project=${projectKey}&fields=created,issuetype,status,resolutiondate,${FACET_FIELDS.join(',')},${flaggedFieldIds.join(',')}&startAt=${startAt}&maxResults=${slice}`,
      );
      for (const issue of issues.body) {
        builder.addSearchIssue(issue);
        facets.add(facetsOfJiraIssue(issue.fields));
      }
      if (issues.body.length < slice) return { ...builder.build(), facets: facets.build() };
    }
  }

  /** Every plain KVS value, keys sorted, minus keys matching `exclude`. */
  snapshot(exclude: RegExp = /$^/): Record<string, unknown> {
    const entries = this.kvs
      .listPlain()
      .filter((entry) => !exclude.test(entry.key))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return Object.fromEntries(entries.map((entry) => [entry.key, entry.value]));
  }
}

/** A history as facts per issue, sorted by id: equal facts, equal histories, whatever the dictionary order. */
export function issueFacts(history: CompactHistory): IssueFacts[] {
  const facts: IssueFacts[] = [];
  for (let i = 0; i < issueCount(history); i++) {
    const view = issueAt(history, i);
    facts.push({
      id: view.id,
      key: view.key,
      type: view.type,
      created: view.created,
      resolved: view.resolved,
      initialStatus: view.initialStatus.id ?? view.initialStatus.name,
      transitions: view.transitions.map((t) => [t.at, t.status.id ?? t.status.name]),
      flags: view.flags.map((f) => [f.at, f.on]),
      facets: history.facets ? facetValuesAt(history.facets, i) : null,
    });
  }
  return facts.sort((a, b) => Number(a.id) - Number(b.id));
}
