import { DEMO_USERS, type DemoUser } from './demo-data/demo-users';

/**
 * Who is calling. The local Forge runtime says so with `x-forge-sim-principal` (`app` for `asApp()`,
 * `user:<accountId>` for `asUser()`); scripts and the "real site" mode use basic auth with a demo user's
 * email and API token, exactly as against Jira Cloud.
 */
export type Principal = { kind: 'app' } | { kind: 'user'; user: DemoUser; index: number };

const PRINCIPAL_HEADER = 'x-forge-sim-principal';

export type Identification = { ok: true; principal: Principal } | { ok: false; message: string };

/** Jira's words when no credentials came with the request. */
const NOT_AUTHENTICATED = 'You are not authenticated. Authentication required to perform this operation.';
/** Jira Cloud's words when basic-auth credentials are wrong. */
const BAD_CREDENTIALS = 'Client must be authenticated to access this resource.';

/** `headers` must have lower-case names. */
export function identify(headers: Record<string, string>): Identification {
  const declared = headers[PRINCIPAL_HEADER];
  if (declared !== undefined) {
    if (declared === 'app') return { ok: true, principal: { kind: 'app' } };
    const accountId = declared.startsWith('user:') ? declared.slice('user:'.length) : '';
    const index = DEMO_USERS.findIndex((u) => u.accountId === accountId);
    const user = DEMO_USERS[index];
    return user ? { ok: true, principal: { kind: 'user', user, index } } : { ok: false, message: BAD_CREDENTIALS };
  }
  const authorization = headers['authorization'];
  if (authorization === undefined) return { ok: false, message: NOT_AUTHENTICATED };
  const match = /^Basic\s+(\S+)$/i.exec(authorization.trim());
  if (!match?.[1]) return { ok: false, message: BAD_CREDENTIALS };
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const email = decoded.slice(0, colon).toLowerCase();
  const token = decoded.slice(colon + 1);
  const index = DEMO_USERS.findIndex((u) => u.emailAddress === email && u.apiToken === token);
  const user = DEMO_USERS[index];
  return colon > 0 && user ? { ok: true, principal: { kind: 'user', user, index } } : { ok: false, message: BAD_CREDENTIALS };
}

/** A stable label for statistics and retry tracking. */
export function principalLabel(principal: Principal): string {
  return principal.kind === 'app' ? 'app' : `user:${principal.user.accountId}`;
}
