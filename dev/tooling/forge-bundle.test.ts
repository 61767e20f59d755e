import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadAppManifest } from '../runtime/app-manifest';
import { bundledFile, currentForgeBundle, handlerModules } from './forge-bundle';

/**
 * The artefact `forge deploy` uploads (built by `npm run build:forge` with @forge/bundler's own configuration)
 * serves every function the manifest names, and carries none of the local platform, tests or benchmarks.
 */
const rootDir = path.resolve(__dirname, '../..');
const manifest = loadAppManifest(path.join(rootDir, 'manifest.yml'));

beforeAll(async () => {
  await currentForgeBundle(rootDir);
}, 300_000);

/** The app's own files webpack put in the bundle, from its source map (`./src/index.ts`, `./node_modules/…`). */
function bundledSources(module: string): string[] {
  const map = JSON.parse(readFileSync(`${bundledFile(rootDir, module)}.map`, 'utf8')) as { sources: string[] };
  return map.sources.map((source) => source.replace(/^webpack:\/\/[^/]+\//, ''));
}

it('has one bundle per handler module, all of them index', () => {
  expect(handlerModules(rootDir)).toEqual(['index']);
});

it('exports exactly the handlers manifest.yml names, each a function', () => {
  const named = [...manifest.functions.values()].map((fn) => fn.exportName).sort();
  const bundle = jest.requireActual<Record<string, unknown>>(bundledFile(rootDir, 'index'));
  expect(Object.keys(bundle).sort()).toEqual(named);
  for (const name of named) expect(typeof bundle[name]).toBe('function');
});

it('carries nothing of the local platform, the tests, the benchmarks or the Custom UI', () => {
  const sources = bundledSources('index');
  expect(sources).toContain('./src/index.ts');
  const own = sources.filter((source) => source.startsWith('./') && !source.startsWith('./node_modules/'));
  expect(own.length).toBeGreaterThan(50);
  expect(own.filter((source) => !source.startsWith('./src/'))).toEqual([]);
  expect(own.filter((source) => /\.test\.tsx?$|\/testing\//.test(source))).toEqual([]);
  // No test or build tool rode along through a dependency either.
  const packages = new Set(sources.flatMap((source) => /^\.\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1] ?? []));
  for (const tool of ['jest', 'playwright-core', 'webpack', 'typescript', 'vite', '@forge/bundler', 'react'])
    expect(packages).not.toContain(tool);
});
