/**
 * The request and response shapes of the simulated services. They are plain data so the same service can
 * answer in process (the local Forge runtime calls `handle` directly) and over loopback HTTP.
 */
export interface SimRequest {
  method: string;
  /** Path with query string, e.g. `/rest/api/3/search/jql?jql=project%20%3D%20FLOW`. */
  path: string;
  /** Header names in any case; the services read them case-insensitively. */
  headers: Record<string, string>;
  body?: string;
}

export interface SimResponse {
  status: number;
  /** Header names are lower case. */
  headers: Record<string, string>;
  body: string;
}

export interface SimService {
  handle(request: SimRequest): Promise<SimResponse>;
}

const JSON_TYPE = 'application/json;charset=UTF-8';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

/** Jira's error body: `{errorMessages: [...], errors: {...}}`, its `ErrorCollection`. */
export function jiraError(
  status: number,
  errorMessages: readonly string[],
  errors: Record<string, string> = {},
  headers: Record<string, string> = {},
): SimResponse {
  return json(status, { errorMessages, errors }, headers);
}

export function noContent(headers: Record<string, string> = {}): SimResponse {
  return { status: 204, headers, body: '' };
}

export function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) result[name.toLowerCase()] = value;
  return result;
}

/** Raised by a handler to answer with a Jira error instead of a result. */
export class JiraHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorMessages: readonly string[],
    readonly errors: Record<string, string> = {},
  ) {
    super(errorMessages[0] ?? `HTTP ${status}`);
  }

  toResponse(): SimResponse {
    return jiraError(this.status, this.errorMessages, this.errors);
  }
}

/** Jira's answer to a body that is not JSON or not the expected shape. */
export const INVALID_PAYLOAD = 'Invalid request payload. Refer to the REST API documentation and try again.';

export function parseJsonBody(body: string | undefined): unknown {
  if (body === undefined || body.trim() === '') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new JiraHttpError(400, [INVALID_PAYLOAD]);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A request value as Jira quotes it in an error message or matches it as text: strings as they are, anything else as JSON. */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}
