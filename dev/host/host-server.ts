import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { crossOriginRefusal, hostRefusal } from '../http/loopback-guard';
import type { ForgeLicence, LocalPlatform } from '../runtime/local-platform';
import type { ProductTarget, SimulatedService } from '../runtime/product-target';
import { adminPagePathsByModule, adminPageRoutes, appsSidebarLinks, manageAppsEntry, MANAGE_APPS_PATH } from './admin-pages';
import { AppFrames, customUiCsp, readFrameFile, withBridgeScript, type AppLocation } from './app-frames';
import { answerBridgeCall, type HostNavigation } from './bridge-calls';
import type { HostUser } from './demo-users';
import { renderHostPage, renderManageApps } from './host-page';
import { CONTENT_TYPES, HttpError, isRecord, parseCookies, readBody, readJson, requireString, sendJson, sendText } from './http-kit';
import { readIssue, renderIssue, renderIssueNotVisible } from './issue-page';
import { NavigationLog } from './navigation-log';

/**
 * The local host at http://localhost:8080: a Jira-like page framing the app's Custom UI, the bridge those
 * frames call, and the control API that tests and scripts drive (paths under /__forge, /__jira, /__atlassian
 * are a stable contract). It listens on loopback only, answers only requests addressed to its own name and
 * port, and its control and bridge endpoints refuse requests from other sites' pages (see loopback-guard.ts).
 */
export interface HostOptions {
  rootDir: string;
  platform: LocalPlatform;
  jira: ProductTarget;
  users: HostUser[];
  /** Simulated services whose own control endpoints are exposed: `/__jira/…` → the Jira site, and so on. */
  controlServices: Array<{ prefix: string; service: SimulatedService }>;
  kvs: { listPlain(prefix?: string): Array<{ key: string; value: unknown }>; listSecrets(): Array<{ key: string; value: unknown }> };
  /**
   * How long a resolver call (`invoke`) waits before it is answered, as the round trip to Atlassian's cloud and
   * back takes on a real site (the host's own answers, such as `getContext`, come from the page there). 0 by default.
   */
  invokeLatencyMs?: number;
}

export interface RunningHost {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const PUBLIC_DIR = path.join(__dirname, 'public');
const PROJECT_PAGE_MODULE = 'flow-metrics-project-page';

export async function startHost(options: HostOptions, port: number, host = '127.0.0.1'): Promise<RunningHost> {
  const frames = new AppFrames();
  const navigations = new NavigationLog();
  let ownPort = port;
  const server = createServer((request, response) => {
    const refusal = hostRefusal(request, ownPort) ?? (isControlOrBridge(options, request) ? crossOriginRefusal(request, ownPort) : null);
    if (refusal) return sendJson(response, refusal.status, { message: refusal.message });
    route(options, { frames, navigations }, request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (!response.headersSent) sendJson(response, status, { message: error instanceof Error ? error.message : String(error) });
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  ownPort = actualPort;
  return {
    url: `http://localhost:${actualPort}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The control API, the bridge, and the simulated services' control endpoints: what another site's page must not reach. */
function isControlOrBridge(options: HostOptions, request: IncomingMessage): boolean {
  const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
  return pathname.startsWith('/__forge/') || options.controlServices.some(({ prefix }) => pathname.startsWith(prefix));
}

/** What the host remembers while it runs: the frames it opened and where they asked to go. */
interface HostState {
  frames: AppFrames;
  navigations: NavigationLog;
}

async function route(options: HostOptions, state: HostState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const method = request.method ?? 'GET';
  const pathname = url.pathname;

  for (const { prefix, service } of options.controlServices) {
    if (pathname.startsWith(prefix)) {
      const answer = await service.handle({
        method,
        path: pathname + url.search,
        headers: request.headers as Record<string, string>,
        body: method === 'GET' || method === 'HEAD' ? undefined : await readBody(request),
      });
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
      return;
    }
  }
  if (pathname.startsWith('/__forge/')) return controlApi(options, state, method, url, request, response);
  if (pathname.startsWith(WEB_TRIGGER_PATH)) return webTrigger(options, method, pathname, request, response);
  if (pathname.startsWith('/__ui/')) return serveFrameFile(options, state.frames, pathname, response);
  if (pathname.startsWith('/__host/')) return servePublic(pathname.slice('/__host/'.length), response);
  if (method !== 'GET') throw new HttpError(405, 'Method not allowed');
  return hostPage(options, state.frames, url, request, response);
}

/** Web triggers, at the addresses `webTrigger.getUrl` gives (`<host>/x1/<id>`), as Forge serves them: any sender. */
const WEB_TRIGGER_PATH = '/x1/';

async function webTrigger(
  options: HostOptions,
  method: string,
  pathname: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const moduleKey = options.platform.webTriggerById(decodeURIComponent(pathname.slice(WEB_TRIGGER_PATH.length)));
  if (!moduleKey) throw new HttpError(404, 'No such web trigger');
  const headers = Object.fromEntries(
    Object.entries(request.headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])),
  );
  const answer = await options.platform.callWebTrigger(moduleKey, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? '' : await readBody(request),
    path: pathname,
  });
  response.writeHead(
    answer.statusCode,
    Object.fromEntries(Object.entries(answer.headers).map(([name, values]) => [name, values.join(', ')])),
  );
  response.end(answer.body);
}

/** The host's own query parameters (the user and theme switchers), which are not the app's. */
const HOST_PARAMETERS = ['as', 'theme'];

/** The app's part of the page's address: the path after the module's, and the query without the host's own parameters. */
function appLocation(appPath: string | undefined, url: URL): AppLocation {
  const search = new URLSearchParams(url.search);
  for (const name of HOST_PARAMETERS) search.delete(name);
  const query = search.toString();
  return { pathname: appPath ?? '/', search: query === '' ? '' : `?${query}`, hash: url.hash };
}

async function hostPage(
  options: HostOptions,
  frames: AppFrames,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const cookies = parseCookies(request.headers.cookie);
  const requestedUser = url.searchParams.get('as') ?? cookies['sim-user'];
  const currentUser = options.users.find((user) => user.accountId === requestedUser) ?? options.users[0];
  if (!currentUser) throw new HttpError(500, 'The site has no users');
  const theme = (url.searchParams.get('theme') ?? cookies['sim-theme']) === 'dark' ? 'dark' : 'light';
  const cookieHeaders = [
    `sim-user=${encodeURIComponent(currentUser.accountId)}; Path=/; SameSite=Lax`,
    `sim-theme=${theme}; Path=/; SameSite=Lax`,
  ];

  const projects = await projectsVisibleTo(options.jira, currentUser.accountId);
  const base = {
    users: options.users,
    currentUser,
    theme,
    projects,
    currentPath: url.pathname,
    appsLinks: appsSidebarLinks(options.platform.manifest),
  } as const;
  const adminPage = adminPageRoutes(options.platform.manifest).find((route) => route.path === url.pathname);
  // Like Jira's, the project page's address continues with the app's own part (its `createHistory` location).
  const projectPage = /^(\/projects\/([A-Z][A-Z0-9_]*)\/flow-metrics)(\/[^]*)?$/.exec(url.pathname);
  const issuePage = /^\/browse\/([A-Z][A-Z0-9_]*-[1-9]\d*)$/.exec(url.pathname);
  let html: string;
  let status = 200;
  if (projectPage) {
    const [, modulePath, key, appPath] = projectPage as unknown as [string, string, string, string | undefined];
    const project = await lookUpProject(options.jira, key);
    if (!project) throw new HttpError(404, `No project ${key} on this site`);
    const module = options.platform.uiModule(PROJECT_PAGE_MODULE);
    const location = appLocation(appPath, url);
    const frame = frames.open({
      moduleKey: module.key,
      resourcePath: module.resourcePath,
      accountId: currentUser.accountId,
      project,
      theme,
      location,
    });
    html = renderHostPage({
      ...base,
      currentPath: modulePath,
      title: `${module.title} - ${key}`,
      frameSrc: `/__ui/${frame.id}/`,
      frameTitle: module.title,
      crumbs: `Projects / ${key} / ${module.title}`,
      appBasePath: modulePath,
    });
  } else if (adminPage) {
    const { module } = adminPage;
    const frame = frames.open({ moduleKey: module.key, resourcePath: module.resourcePath, accountId: currentUser.accountId, theme });
    html = renderHostPage({
      ...base,
      title: module.title,
      frameSrc: `/__ui/${frame.id}/`,
      frameTitle: module.title,
      crumbs: adminPage.crumbs,
    });
  } else if (url.pathname === MANAGE_APPS_PATH) {
    html = renderHostPage({
      ...base,
      title: 'Manage apps',
      frameSrc: null,
      contentHtml: renderManageApps(manageAppsEntry(options.platform.manifest)),
    });
  } else if (issuePage) {
    const key = issuePage[1]!;
    const issue = await readIssue(options.jira, key, { kind: 'user', accountId: currentUser.accountId });
    if (!issue) status = 404;
    html = renderHostPage({
      ...base,
      title: issue ? `[${issue.key}] ${issue.summary}` : 'Issue not found',
      frameSrc: null,
      contentHtml: issue ? renderIssue(issue) : renderIssueNotVisible(),
    });
  } else if (url.pathname === '/') {
    html = renderHostPage({ ...base, title: 'Home', frameSrc: null });
  } else {
    throw new HttpError(404, 'Not found');
  }
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'set-cookie': cookieHeaders });
  response.end(html);
}

async function controlApi(
  options: HostOptions,
  state: HostState,
  method: string,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const { platform } = options;
  const { frames, navigations } = state;
  const pathname = url.pathname;
  if (method === 'GET' && pathname === '/__forge/bridge.js') return servePublic('bridge.js', response);

  const bridge = /^\/__forge\/bridge\/([0-9a-f-]+)$/.exec(pathname);
  if (method === 'POST' && bridge) {
    const frame = frames.get(bridge[1]!);
    if (!frame) throw new HttpError(404, 'This app frame has expired; reload the page.');
    const { method: bridgeMethod, payload } = await readJson(request);
    if (bridgeMethod === 'invoke' && (options.invokeLatencyMs ?? 0) > 0)
      await new Promise((wait) => setTimeout(wait, options.invokeLatencyMs));
    try {
      const navigation: HostNavigation = {
        allowedOrigins: [hostOrigin(request)],
        modulePages: adminPagePathsByModule(platform.manifest),
        log: navigations,
      };
      return sendJson(response, 200, {
        ok: true,
        value: await answerBridgeCall(platform, options.jira, navigation, frame, String(bridgeMethod), payload),
      });
    } catch (error) {
      return sendJson(response, 200, { ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  }

  if (method === 'GET' && pathname === '/__forge/users') return sendJson(response, 200, options.users);
  if (method === 'POST' && pathname === '/__forge/invoke') {
    const body = await readJson(request);
    const [moduleKey, functionKey, accountId] = [
      requireString(body, 'moduleKey'),
      requireString(body, 'functionKey'),
      requireString(body, 'accountId'),
    ];
    const projectKey = body['projectKey'] ? requireString(body, 'projectKey') : undefined;
    const project = projectKey ? await lookUpProject(options.jira, projectKey) : undefined;
    if (projectKey && !project) throw new HttpError(404, `No project ${projectKey} on this site`);
    return sendJson(response, 200, await platform.invokeResolver({ moduleKey, functionKey, payload: body['payload'], accountId, project }));
  }
  const scheduled = /^\/__forge\/scheduled\/([A-Za-z0-9_-]+)$/.exec(pathname);
  if (method === 'POST' && scheduled)
    return sendJson(response, 200, { result: (await platform.runScheduledTrigger(scheduled[1]!)) ?? null });
  if (method === 'POST' && pathname === '/__forge/queue/drain') return sendJson(response, 200, await platform.drainQueue());
  if (method === 'GET' && pathname === '/__forge/queue')
    return sendJson(response, 200, { pending: platform.queue.peek(), failed: platform.queue.failed });
  if (method === 'GET' && pathname === '/__forge/kvs')
    return sendJson(response, 200, options.kvs.listPlain(url.searchParams.get('prefix') ?? ''));
  if (method === 'GET' && pathname === '/__forge/kvs/secrets') return sendJson(response, 200, options.kvs.listSecrets());
  if (method === 'GET' && pathname === '/__forge/logs') return sendJson(response, 200, platform.logs.all());
  if (method === 'GET' && pathname === '/__forge/licence') return sendJson(response, 200, { license: platform.licence });
  if (method === 'PUT' && pathname === '/__forge/licence') {
    const { license } = await readJson(request);
    if (license !== null && !(isRecord(license) && typeof license.isActive === 'boolean')) {
      throw new HttpError(400, 'Send {"license": {"isActive": true|false}}, or {"license": null} for none (development).');
    }
    platform.licence = license as ForgeLicence | null;
    return sendJson(response, 200, { license: platform.licence });
  }
  if (method === 'GET' && pathname === '/__forge/navigations') return sendJson(response, 200, navigations.all());
  if (method === 'DELETE' && pathname === '/__forge/navigations') {
    navigations.clear();
    return sendJson(response, 200, { cleared: true });
  }
  throw new HttpError(404, `No control endpoint ${method} ${pathname}`);
}

async function serveFrameFile(options: HostOptions, frames: AppFrames, pathname: string, response: ServerResponse): Promise<void> {
  const [, , frameId, ...rest] = pathname.split('/');
  const frame = frames.get(frameId ?? '');
  if (!frame) throw new HttpError(404, 'This app frame has expired; reload the page.');
  const relative = decodeURIComponent(rest.join('/'));
  const file = await readFrameFile(options.rootDir, frame, relative);
  if (!file) {
    throw new HttpError(
      404,
      relative ? `No file ${relative} in ${frame.resourcePath}` : `${frame.resourcePath} is not built: run npm run build:ui`,
    );
  }
  const extension = path.extname(relative || 'index.html');
  const csp = customUiCsp(options.platform.manifest.allowsInlineStyles);
  const body = extension === '.html' ? withBridgeScript(file.toString('utf8')) : file;
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
    'content-security-policy': csp,
    'cache-control': 'no-store',
  });
  response.end(body);
}

async function servePublic(name: string, response: ServerResponse): Promise<void> {
  if (!/^[a-z-]+\.(js|css)$/.test(name)) throw new HttpError(404, 'Not found');
  const file = await readFile(path.join(PUBLIC_DIR, name), 'utf8').catch(() => null);
  if (file === null) throw new HttpError(404, 'Not found');
  sendText(response, 200, file, CONTENT_TYPES[path.extname(name)]!);
}

/**
 * The origin the page and its frames were loaded from (`localhost` or `127.0.0.1`, whichever the browser
 * used): the one origin frames may navigate to, and the base of the paths they name.
 */
function hostOrigin(request: IncomingMessage): string {
  const host = request.headers.host ?? '';
  if (!/^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9a-fA-F:]+\](:\d+)?$/.test(host)) throw new HttpError(400, 'The request names no valid Host');
  return new URL(`http://${host}`).origin;
}

async function projectsVisibleTo(jira: ProductTarget, accountId: string): Promise<Array<{ key: string; name: string }>> {
  const response = await jira.send(
    { method: 'GET', path: '/rest/api/3/project/search?maxResults=100&orderBy=key', headers: { accept: 'application/json' } },
    { kind: 'user', accountId },
  );
  if (!response.ok) return [];
  const page = (await response.json()) as { values: Array<{ key: string; name: string }> };
  return page.values.map(({ key, name }) => ({ key, name }));
}

async function lookUpProject(jira: ProductTarget, key: string): Promise<{ id: string; key: string } | undefined> {
  const response = await jira.send(
    { method: 'GET', path: `/rest/api/3/project/${encodeURIComponent(key)}`, headers: { accept: 'application/json' } },
    { kind: 'app' },
  );
  if (!response.ok) return undefined;
  const project = (await response.json()) as { id: string; key: string };
  return { id: project.id, key: project.key };
}
