import { spawnSync } from 'node:child_process';
import { auditVerdict } from './dependency-audit';

/**
 * CI step: `npm audit --omit=dev --audit-level=high --json` over what the app ships (not the build and test
 * tools). Exits 1 on a high or critical advisory; prints a warning and exits 0 when the audit endpoint is
 * unavailable. Run with `npx tsx dev/tooling/audit-dependencies.ts`.
 */
const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const verdict = auditVerdict(run.stdout ?? '');

switch (verdict.kind) {
  case 'clean':
    console.log(
      `npm audit (runtime dependencies): no high or critical advisories (moderate ${verdict.counts.moderate}, low ${verdict.counts.low}).`,
    );
    break;
  case 'vulnerable':
    console.error(`npm audit (runtime dependencies): ${verdict.counts.critical} critical, ${verdict.counts.high} high advisories:`);
    for (const name of verdict.packages) console.error(`  ${name}`);
    console.error('Run `npm audit --omit=dev` for the advisories and fixes.');
    process.exitCode = 1;
    break;
  case 'unavailable':
    console.warn(`WARNING: audit endpoint unavailable (${verdict.reason}); runtime dependencies were NOT audited.`);
    break;
}
