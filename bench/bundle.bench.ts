/**
 * `npm run bench:bundle`: the size of the backend bundle `forge deploy` uploads (built first by
 * `npm run build:forge`) and its cold start: loading the bundle and the first call of a handler, each in a
 * fresh Node process, as a new Forge runtime would. Measured on the local platform, so the figure is the app's
 * own share (its module graph and first requests to KVS and Jira), not Forge's runtime wrapper or network.
 *
 * Loading is timed in a plain Node process (nothing else loaded, as on Forge); the first calls in a process
 * that runs the local platform (through tsx), after it has loaded the bundle: the project page's opening
 * resolver (`getProjectPage`: a permission check as the user, the project as the user sees it, two KVS
 * reads), then the hourly sync trigger (a KVS read and a queue push).
 * `BENCH_RUNS` (default 7) fresh processes of each kind; the median and the slowest are reported.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundledFile } from '../dev/tooling/forge-bundle';

const rootDir = path.resolve(__dirname, '..');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);

interface FirstCalls {
  firstResolverMs: number;
  firstTriggerMs: number;
}

const bundle = bundledFile(rootDir, 'index');
const bytes = statSync(bundle).size;
const gzipped = gzipSync(readFileSync(bundle)).length;
const sources = (JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as { sources: string[] }).sources;
const ownModules = sources.filter((source) => /\/\.\/src\//.test(source)).length;
const packages = new Set(sources.flatMap((source) => /\/\.\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1] ?? []));

const lastLine = (output: string) => output.trim().split('\n').pop()!;
const requireScript = `const { performance } = require('node:perf_hooks'); const t = performance.now(); require(${JSON.stringify(bundle)}); console.log(performance.now() - t);`;
const requireMs: number[] = [];
const calls: FirstCalls[] = [];
for (let run = 0; run < RUNS; run += 1) {
  requireMs.push(Number(lastLine(execFileSync(process.execPath, ['-e', requireScript], { cwd: rootDir, encoding: 'utf8' }))));
  const output = execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'bundle-first-calls.ts')], {
    cwd: rootDir,
    encoding: 'utf8',
  });
  calls.push(JSON.parse(lastLine(output)) as FirstCalls);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const row = (label: string, values: number[]) => `| ${label} | ${median(values).toFixed(0)} ms | ${Math.max(...values).toFixed(0)} ms |`;

console.log(
  `Bundle ${path.relative(rootDir, bundle)}: ${(bytes / 1024).toFixed(0)} KB (${(gzipped / 1024).toFixed(0)} KB gzipped), ` +
    `${ownModules} of the app's modules and ${packages.size} packages (${[...packages].sort().join(', ')})`,
);
console.log(`Cold start over ${RUNS} fresh processes:`);
console.log('| step | median | slowest |');
console.log('|---|---:|---:|');
console.log(row('require the bundle', requireMs));
console.log(
  row(
    'first resolver call (getProjectPage)',
    calls.map((c) => c.firstResolverMs),
  ),
);
console.log(
  row(
    'first trigger run (hourly sync)',
    calls.map((c) => c.firstTriggerMs),
  ),
);
console.log(
  row(
    'require + first resolver call',
    calls.map((c, run) => requireMs[run]! + c.firstResolverMs),
  ),
);
