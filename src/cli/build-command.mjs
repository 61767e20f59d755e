// Fills the `flow-metrics` package (cli/) with what it ships besides its launcher, cli/bin/flow-metrics.js.
// It compiles the command into four CommonJS files under cli/build: flow-metrics-help.js (src/cli/help-main.ts:
// answers --help, a few kilobytes), flow-metrics.js (src/cli/main.ts: the report, with the domain it imports),
// flow-metrics-config.js (src/cli/config-input.ts: the `--config` file's reader, with zod, which was four fifths
// of the report's file and 50 ms of its start-up) and flow-metrics-list-part.js (src/cli/list-part-worker.ts: the
// thread that reads the second part of a large export, see list-part-thread.ts). `--help` loads only the first, so
// it starts as fast as Node does; compiling TypeScript at every call took over a second. Each file bundles every
// module it imports, so the package has no dependencies. It also copies the command's manual and the pull-request
// export query from docs/ into cli/docs, where the package's README and the command's help point.
// `npm ci` in the project runs this (the root's `prepare` script), and so does `npm pack ./cli` (the package's
// `prepack`), so a fresh clone and a packed tarball both have it; `npm run build:cli` runs it by hand.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sources = join(root, 'src');
const cliPackage = join(root, 'cli');
/** The project's documents the package ships, by their path in the project (the same path inside the package). */
const shippedDocuments = ['docs/flow-metrics-cli.md', 'docs/pull-requests-export.graphql'];

/**
 * The project's modules run nothing when imported, only define: telling esbuild so lets it leave out a module
 * none of whose exports is used, even when the domain's index re-exports it. That keeps the configuration's
 * schema (src/domain/flow-config.ts, and zod with it) out of the report's file.
 */
const sourcesDefineOnly = {
  name: 'sources-define-only',
  setup(build) {
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      });
      return resolved.path.startsWith(sources) ? { ...resolved, sideEffects: false } : resolved;
    });
  },
};

const { outputFiles } = await build({
  absWorkingDir: root,
  entryPoints: {
    'flow-metrics': 'src/cli/main.ts',
    'flow-metrics-help': 'src/cli/help-main.ts',
    'flow-metrics-config': 'src/cli/config-input.ts',
    'flow-metrics-list-part': 'src/cli/list-part-worker.ts',
  },
  plugins: [sourcesDefineOnly],
  outdir: join(cliPackage, 'build'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // The oldest Node the package supports (cli/package.json "engines").
  target: 'node20',
  // Readable output keeps stack traces of unexpected errors meaningful. Minifying saved under 10 ms of
  // start-up for the report (measured), which the help does not load at all.
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
});

const written = [
  ...outputFiles.map((file) => ({ path: file.path, contents: file.contents })),
  ...shippedDocuments.map((path) => ({ path: join(cliPackage, path), contents: readFileSync(join(root, path)) })),
];

// Written under a temporary name and renamed, so a command started meanwhile (tests build in parallel)
// runs either the old file or the new one, never half of one.
for (const file of written) {
  mkdirSync(dirname(file.path), { recursive: true });
  const temporary = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temporary, file.contents);
  renameSync(temporary, file.path);
}
