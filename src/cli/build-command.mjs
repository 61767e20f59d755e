// Compiles the `flow-metrics` command (src/cli/main.ts and the domain it imports) into one CommonJS file,
// bin/build/flow-metrics.js, which bin/flow-metrics.js runs. One file loads in a few milliseconds, where
// compiling TypeScript at every call took over a second. `npm ci` and `npm pack` run this through the
// `prepare` script, so a fresh clone and a packed tarball both have it; `npm run build:cli` runs it by hand.
import { buildSync } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

const { outputFiles } = buildSync({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'bin/build/flow-metrics.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // The oldest Node the package supports (package.json "engines").
  target: 'node20',
  // Readable output keeps stack traces of unexpected errors meaningful; the file is small either way.
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
