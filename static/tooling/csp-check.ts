/**
 * Forge serves Custom UI under a Content Security Policy that allows scripts only from the app's own
 * files: no inline `<script>` code, no inline event handlers, no `javascript:` URLs. This check reads a
 * built HTML page and lists every construct that policy would block.
 */

export interface CspViolation {
  rule: 'inline-script' | 'script-without-src' | 'inline-event-handler' | 'javascript-url' | 'remote-script';
  excerpt: string;
}

const SCRIPT_TAG = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const EVENT_HANDLER_ATTRIBUTE = /<[a-z][^>]*?\son[a-z]+\s*=/gi;
const JAVASCRIPT_URL = /\b(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:/gi;
const SRC_ATTRIBUTE = /\ssrc\s*=\s*["']?([^"'\s>]+)/i;

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
  for (const match of html.matchAll(EVENT_HANDLER_ATTRIBUTE)) {
    violations.push({ rule: 'inline-event-handler', excerpt: excerptOf(match[0]) });
  }
  for (const match of html.matchAll(JAVASCRIPT_URL)) {
    violations.push({ rule: 'javascript-url', excerpt: excerptOf(match[0]) });
  }
  return violations;
}
