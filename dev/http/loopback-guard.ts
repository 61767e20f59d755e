/**
 * The local servers (the host page with its control API and bridge, the simulated Jira site) answer only this
 * machine's own tools and pages. They listen on loopback, and refuse:
 * - a request whose `Host` is not the server's own name and port (`localhost`, `127.0.0.1` or `[::1]` with the
 *   port it listens on): a web page that rebinds its own domain name to 127.0.0.1 sends its own name, so it
 *   can neither call the control API nor read what it answers;
 * - a request sent by another site's page: an `Origin` that is not one of the server's own, or a
 *   `Sec-Fetch-Site` other than `same-origin` or `none` (browsers send it with every request, including the
 *   "simple" `text/plain` POSTs and form posts that need no preflight). Scripts and tests send neither header.
 */
export interface GuardedRequest {
  headers: Record<string, string | string[] | undefined>;
}

export type LoopbackRefusal = { status: 403 | 421; message: string };

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** The server's own origins, for the port it listens on. */
function ownOrigins(port: number): string[] {
  return LOOPBACK_NAMES.map((name) => `http://${name}:${port}`);
}

function header(request: GuardedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Null when the request may be answered; otherwise the status and reason to refuse it with. */
export function hostRefusal(request: GuardedRequest, port: number): LoopbackRefusal | null {
  const host = (header(request, 'host') ?? '').toLowerCase();
  if (LOOPBACK_NAMES.some((name) => host === `${name}:${port}`)) return null;
  return { status: 421, message: `This local server answers only requests addressed to localhost:${port} or 127.0.0.1:${port}.` };
}

/** Null when the request comes from the server's own pages, or from no page at all (a script, a test, curl). */
export function crossOriginRefusal(request: GuardedRequest, port: number): LoopbackRefusal | null {
  const origin = header(request, 'origin');
  const fetchSite = header(request, 'sec-fetch-site');
  const foreignOrigin = origin !== undefined && !ownOrigins(port).includes(origin.toLowerCase());
  const foreignSite = fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none';
  if (!foreignOrigin && !foreignSite) return null;
  return { status: 403, message: "This local control endpoint answers only the local site's own pages and tools, not other web pages." };
}
