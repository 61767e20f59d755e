// Compiles the `flow-metrics` command into two CommonJS files under bin/build, which bin/flow-metrics.js runs:
// flow-metrics-help.js (src/cli/help-main.ts: answers --help, a few kilobytes) and flow-metrics.js
// (src/cli/main.ts: the report, with the domain it imports). `--help` loads only the first, so it starts
// as fast as Node does; compiling TypeScript at every call took over a second. `npm ci` and `npm pack` run
// this through the `prepare` script, so a fresh clone and a packed tarball both have it; `npm run build:cli`
// runs it by hand.
import { buildSync } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

const { outputFiles } = buildSync({
  absWorkingDir: root,
  entryPoints: { 'flow-metrics': 'src/cli/main.ts', 'flow-metrics-help': 'src/cli/help-main.ts' },
  outdir: 'bin/build',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // The oldest Node the package supports (package.json "engines").
  target: 'node20',
  // Readable output keeps stack traces of unexpected errors meaningful. Minifying saved under 10 ms of
  // start-up for the report (measured), which the help does not load at all.
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
});

// Written under a temporary name and renamed, so a command started meanwhile (tests build in parallel)
// runs either the old file or the new one, never half of one.
for (const file of outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  const temporary = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temporary, file.contents);
  renameSync(temporary, file.path);
}
