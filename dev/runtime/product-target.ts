/**
 * Where product requests (`requestJira`, the personal-data endpoint) go, and as whom.
 * A target answers a request made by an identity: the app itself, or one user.
 */
export type Principal = { kind: 'app' } | { kind: 'user'; accountId: string };

export interface ProductRequest {
  method: string;
  /** Path with its query string, as the app wrote it. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ProductTarget {
  send(request: ProductRequest, principal: Principal): Promise<Response>;
}

/** The shape every simulated service of dev/ answers in-process, at once or later. */
export interface SimulatedService {
  handle(request: {
    method: string;
    path: string;
    headers: Record<string, string>;
    body?: string;
  }): SimulatedAnswer | Promise<SimulatedAnswer>;
}

interface SimulatedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** How a simulated site learns who is calling (the Forge proxy knows it from the invocation). */
export const PRINCIPAL_HEADER = 'x-forge-sim-principal';

function principalHeader(principal: Principal): string {
  return principal.kind === 'app' ? 'app' : `user:${principal.accountId}`;
}

export function toResponse(answer: { status: number; headers: Record<string, string>; body: string }): Response {
  // Statuses without a body (204, 304) must not be given one, or Response refuses to construct.
  const body = answer.status === 204 || answer.status === 304 ? null : answer.body;
  return new Response(body, { status: answer.status, headers: answer.headers });
}

/** A simulated site called in the same process: fast, and the default for tests. */
export class InProcessTarget implements ProductTarget {
  constructor(private readonly service: SimulatedService) {}

  async send(request: ProductRequest, principal: Principal): Promise<Response> {
    const answer = await this.service.handle({
      ...request,
      headers: { ...lowerCaseKeys(request.headers), [PRINCIPAL_HEADER]: principalHeader(principal) },
    });
    return toResponse(answer);
  }
}

/** A simulated site over HTTP on loopback: what `npm start` uses, so requests really cross a socket. */
export class HttpSimulationTarget implements ProductTarget {
  constructor(
    private readonly baseUrl: string,
    private readonly platformFetch: typeof fetch,
  ) {}

  send(request: ProductRequest, principal: Principal): Promise<Response> {
    return this.platformFetch(new URL(request.path, this.baseUrl), {
      method: request.method,
      headers: { ...request.headers, [PRINCIPAL_HEADER]: principalHeader(principal) },
      body: request.body,
    });
  }
}

/** Reads a body given to `__forge_fetch__` the way Forge's proxy would: as text. */
export function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  if (body instanceof URLSearchParams) return body.toString();
  throw new Error('The local platform accepts string, bytes or URLSearchParams request bodies.');
}

export function headerRecord(headers: unknown): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  if (Array.isArray(headers)) return Object.fromEntries(headers as Array<[string, string]>);
  return { ...(headers as Record<string, string>) };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
