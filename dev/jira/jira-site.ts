import { EventEmitter } from 'node:events';
import { Chaos } from './control/chaos';
import { handleControl } from './control/control-api';
import { RequestStats } from './control/request-stats';
import { APP_USER, DEMO_USERS, type DemoUser } from './demo-data/demo-users';
import { generateDemoData, type DemoDataOptions } from './demo-data/generate-demo-site';
import { boardRoutes } from './endpoints/boards';
import { bulkChangelogRoutes } from './endpoints/bulk-changelog';
import { expressionRoutes } from './endpoints/expression-evaluate';
import { fieldRoutes } from './endpoints/fields';
import { issueChangelogRoutes } from './endpoints/issue-changelog';
import { issueRoutes } from './endpoints/issues';
import { permissionRoutes } from './endpoints/permissions';
import { projectRoutes } from './endpoints/projects';
import { searchRoutes } from './endpoints/search';
import { statusRoutes } from './endpoints/statuses';
import { userRoutes } from './endpoints/users';
import { IssueChanges } from './issue-changes';
import { IssueSearch } from './issue-search';
import { PermissionModel } from './permissions';
import { identify, principalLabel } from './principal';
import { matchRoute, type Route } from './router';
import type { SiteContext } from './site-context';
import { JiraHttpError, jiraError, lowerCaseHeaders, type SimRequest, type SimResponse, type SimService } from './sim-http';

export { startJiraServer } from './jira-server';
export type { IssueEvent } from './issue-events';
export { ISSUE_EVENT } from './issue-events';

/**
 * A simulated Jira Cloud site: seeded demo projects behind Jira's REST API (real shapes, real limits, real
 * permission behaviour), a control API under `/__jira/` for tests, and product events for every change.
 * It answers in process through `handle`, and over HTTP through `startJiraServer`.
 */
export interface JiraSiteOptions extends DemoDataOptions {
  /** Base URL used in `self` links. Default `https://flow-metrics-demo.atlassian.net`. */
  siteUrl?: string;
  /** Milliseconds now, for change timestamps, relative JQL dates and `Retry-After` windows. Default `Date.now`. */
  clock?: () => number;
}

interface SiteProjectSummary {
  id: string;
  key: string;
  name: string;
}

export interface JiraSite extends SimService {
  readonly siteUrl: string;
  readonly seed: number;
  /** Where the demo data ends. */
  readonly anchor: Date;
  readonly users: readonly DemoUser[];
  /** The account behind `asApp()` calls and the app's own changes. */
  readonly appAccountId: string;
  readonly projects: readonly SiteProjectSummary[];
  /** Emits `'issue-event'` (`ISSUE_EVENT`) with an `IssueEvent` for every created, updated or deleted issue. */
  readonly events: EventEmitter;
  handle(request: SimRequest): Promise<SimResponse>;
}

const DEFAULT_SITE_URL = 'https://flow-metrics-demo.atlassian.net';

const ROUTES: readonly Route[] = [
  ...searchRoutes,
  ...expressionRoutes,
  ...bulkChangelogRoutes,
  ...issueChangelogRoutes,
  ...issueRoutes,
  ...permissionRoutes,
  ...projectRoutes,
  ...statusRoutes,
  ...fieldRoutes,
  ...userRoutes,
  ...boardRoutes,
];

export function createJiraSite(options: JiraSiteOptions = {}): JiraSite {
  const data = generateDemoData(options);
  const clock = options.clock ?? Date.now;
  const siteUrl = (options.siteUrl ?? DEFAULT_SITE_URL).replace(/\/$/, '');
  const events = new EventEmitter();
  events.setMaxListeners(50);
  const permissions = new PermissionModel(data.store);
  const partial = { store: data.store, permissions, siteUrl, clock, anchor: data.anchor, events };
  const context: SiteContext = {
    ...partial,
    search: new IssueSearch(data.store, permissions, clock),
    changes: new IssueChanges(partial),
  };
  const stats = new RequestStats(clock);
  const chaos = new Chaos();

  async function serve(request: SimRequest): Promise<SimResponse> {
    const headers = lowerCaseHeaders(request.headers ?? {});
    const method = request.method.toUpperCase();
    let url: URL;
    try {
      url = new URL(request.path, 'http://simulated-jira.invalid');
    } catch {
      return jiraError(400, [`The path '${request.path}' is not valid.`]);
    }
    if (url.pathname === '/__jira' || url.pathname.startsWith('/__jira/')) {
      return handleControl({ site: context, stats, chaos }, method, url.pathname, url.searchParams, request.body);
    }

    stats.started();
    const match = matchRoute(ROUTES, method, url.pathname);
    const endpoint = `${method} ${match.kind === 'found' ? match.route.template : match.kind === 'wrong-method' ? match.template : url.pathname}`;
    const identity = identify(headers);
    let response: SimResponse = jiraError(500, ['Internal server error']);
    try {
      await chaos.delay(endpoint);
      const caller = headers['x-forge-sim-principal'] ?? headers['authorization'] ?? '';
      const verdict = chaos.judge(endpoint, `${caller}\u0000${method} ${request.path}\u0000${request.body ?? ''}`, clock());
      if (verdict.kind === 'refuse') {
        if (verdict.earlyRetry) stats.earlyRetry();
        response = verdict.response;
      } else if (match.kind === 'none') {
        response = jiraError(404, [`No REST resource matches ${method} ${url.pathname}.`]);
      } else if (match.kind === 'wrong-method') {
        response = jiraError(405, [`Method ${method} is not allowed for ${match.template}.`]);
      } else if (!match.route.anonymous && !identity.ok) {
        response = jiraError(401, [identity.message]);
      } else {
        const principal = identity.ok ? identity.principal : ({ kind: 'app' } as const);
        response = await match.route.handler(context, {
          method,
          params: match.params,
          query: url.searchParams,
          body: request.body,
          principal,
        });
        response = chaos.mangle(endpoint, response);
      }
    } catch (error) {
      if (error instanceof JiraHttpError) response = error.toResponse();
      else response = jiraError(500, [`Internal server error: ${error instanceof Error ? error.message : String(error)}`]);
    } finally {
      stats.finished(endpoint, identity.ok ? principalLabel(identity.principal) : 'anonymous', response.status);
    }
    return response;
  }

  return {
    siteUrl,
    seed: data.seed,
    anchor: new Date(data.anchor),
    users: DEMO_USERS,
    appAccountId: APP_USER.accountId,
    get projects() {
      return data.store.projects.map(({ id, key, name }) => ({ id, key, name }));
    },
    events,
    handle: serve,
  };
}
