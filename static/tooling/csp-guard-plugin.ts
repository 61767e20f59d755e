import type { Plugin } from 'vite';
import { findCspViolations } from './csp-check.ts';

/** Fails the build when an emitted HTML page holds something Forge's Content Security Policy would block. */
export function cspGuard(): Plugin {
  return {
    name: 'flow-metrics:csp-guard',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'asset' || !output.fileName.endsWith('.html')) continue;
        const html = typeof output.source === 'string' ? output.source : new TextDecoder().decode(output.source);
        const violations = findCspViolations(html);
        if (violations.length > 0) {
          const list = violations.map((v) => `  ${v.rule}: ${v.excerpt}`).join('\n');
          this.error(`${output.fileName} would break Forge's Content Security Policy:\n${list}`);
        }
      }
    },
  };
}
