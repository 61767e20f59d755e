/**
 * Forge serves Custom UI under a Content Security Policy that allows scripts only from the app's own
 * files: no inline `<script>` code, no inline event handlers, no `javascript:` URLs. Stylesheets, images
 * and requests go to the app's own files too (the app declares no outside host for its pages): a remote
 * `<link>`, `<img>` or `fetch` target would be blocked, and would tell a third party who opened the page.
 * This check reads a built HTML page (and the built scripts, for `fetch`) and lists every construct that
 * policy would block.
 */

export interface CspViolation {
  rule:
    | 'inline-script'
    | 'script-without-src'
    | 'inline-event-handler'
    | 'javascript-url'
    | 'remote-script'
    | 'remote-link'
    | 'remote-image'
    | 'remote-fetch';
  excerpt: string;
}

const SCRIPT_TAG = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const EVENT_HANDLER_ATTRIBUTE = /<[a-z][^>]*?\son[a-z]+\s*=/gi;
const JAVASCRIPT_URL = /\b(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:/gi;
const SRC_ATTRIBUTE = /\ssrc\s*=\s*["']?([^"'\s>]+)/i;
const LINK_TAG = /<link\b[^>]*>/gi;
const HREF_ATTRIBUTE = /\shref\s*=\s*["']?([^"'\s>]+)/i;
const IMG_TAG = /<img\b[^>]*>/gi;
const SRCSET_ATTRIBUTE = /\ssrcset\s*=\s*["']([^"']+)["']/i;
/** `fetch("https://…")`, `fetch('//…')`, ``fetch(`http://…`)``: a literal target on another origin. */
const REMOTE_FETCH = /\bfetch\(\s*(["'`])((?:[a-z][a-z0-9+.-]*:)?\/\/[^"'`]*)\1/gi;

/** On another origin: a scheme-qualified or protocol-relative address (data: and blob: stay in the page). */
function isRemote(address: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(address.trim());
}

function excerptOf(text: string): string {
  return text.replace(/\s+/g, ' ').slice(0, 120);
}

export function findCspViolations(html: string): CspViolation[] {
  const violations: CspViolation[] = [];
  for (const match of html.matchAll(SCRIPT_TAG)) {
    const [tag, attributes = '', body = ''] = match;
    const src = SRC_ATTRIBUTE.exec(attributes)?.[1];
    if (body.trim() !== '') {
      violations.push({ rule: 'inline-script', excerpt: excerptOf(tag) });
    } else if (src === undefined) {
      violations.push({ rule: 'script-without-src', excerpt: excerptOf(tag) });
    } else if (/^(?:[a-z]+:)?\/\//i.test(src) || /^data:/i.test(src)) {
      violations.push({ rule: 'remote-script', excerpt: excerptOf(tag) });
    }
  }
  for (const [tag] of html.matchAll(LINK_TAG)) {
    const href = HREF_ATTRIBUTE.exec(tag)?.[1];
    if (href !== undefined && isRemote(href)) violations.push({ rule: 'remote-link', excerpt: excerptOf(tag) });
  }
  for (const [tag] of html.matchAll(IMG_TAG)) {
    const sources = [
      SRC_ATTRIBUTE.exec(tag)?.[1],
      ...(SRCSET_ATTRIBUTE.exec(tag)?.[1]
        ?.split(',')
        .map((part) => part.trim().split(/\s+/)[0]) ?? []),
    ];
    if (sources.some((source) => source !== undefined && isRemote(source)))
      violations.push({ rule: 'remote-image', excerpt: excerptOf(tag) });
  }
  violations.push(...findRemoteFetches(html));
  for (const match of html.matchAll(EVENT_HANDLER_ATTRIBUTE)) {
    violations.push({ rule: 'inline-event-handler', excerpt: excerptOf(match[0]) });
  }
  for (const match of html.matchAll(JAVASCRIPT_URL)) {
    violations.push({ rule: 'javascript-url', excerpt: excerptOf(match[0]) });
  }
  return violations;
}

/** `fetch` calls whose target is written out as an address on another origin, in a page or a built script. */
export function findRemoteFetches(code: string): CspViolation[] {
  return [...code.matchAll(REMOTE_FETCH)].map((match) => ({ rule: 'remote-fetch' as const, excerpt: excerptOf(match[0]) }));
}
