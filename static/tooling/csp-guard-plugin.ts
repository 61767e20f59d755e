import type { Plugin } from 'vite';
import { findCspViolations, findRemoteFetches, type CspViolation } from './csp-check.ts';

/** Fails the build when an emitted page or script holds something Forge's Content Security Policy would block. */
export function cspGuard(): Plugin {
  return {
    name: 'flow-metrics:csp-guard',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        let violations: CspViolation[];
        if (output.type === 'chunk') violations = findRemoteFetches(output.code);
        else if (output.fileName.endsWith('.html')) {
          violations = findCspViolations(typeof output.source === 'string' ? output.source : new TextDecoder().decode(output.source));
        } else continue;
        if (violations.length > 0) {
          const list = violations.map((v) => `  ${v.rule}: ${v.excerpt}`).join('\n');
          this.error(`${output.fileName} would break Forge's Content Security Policy:\n${list}`);
        }
      }
    },
  };
}
