import { JiraHttpError } from './sim-http';

/**
 * Opaque page tokens. Jira's `nextPageToken` is meaningless to clients; the simulation's encodes a position
 * (one or more non-negative integers) and a fingerprint of the request it belongs to, so a token replayed
 * with a different query is refused instead of silently returning the wrong page.
 */
const INVALID_TOKEN = 'The provided next page token is invalid or expired.';

export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export function encodePageToken(requestFingerprint: string, ...position: number[]): string {
  return Buffer.from(JSON.stringify({ f: requestFingerprint, p: position }), 'utf8').toString('base64url');
}

/**
 * The position a token stands for (`width` integers, all 0 without a token); throws Jira's 400 for a
 * token that is malformed or from another request.
 */
export function decodePageToken(token: string | undefined, requestFingerprint: string, width = 1): number[] {
  if (token === undefined || token === '') return new Array<number>(width).fill(0);
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { f?: unknown; p?: unknown };
    const { f, p } = decoded;
    if (f === requestFingerprint && Array.isArray(p) && p.length === width && p.every((n) => Number.isInteger(n) && n >= 0)) {
      return p as number[];
    }
  } catch {
    // Falls through to the refusal below.
  }
  throw new JiraHttpError(400, [INVALID_TOKEN]);
}
