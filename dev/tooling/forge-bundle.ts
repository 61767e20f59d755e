import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
// Types only: the webpack that runs is the one @forge/bundler depends on (see `forgeWebpack`).
import type { Configuration, Stats } from 'webpack';
import { loadAppManifest } from '../runtime/app-manifest';

/**
 * The backend bundle exactly as `forge deploy` builds it: `@forge/bundler`'s own webpack configuration
 * (webpack + ts-loader over the app's tsconfig.json), with the three changes its Node runtime bundler makes
 * (`target: node18`, `[name].cjs` files, `.mjs` imports without extensions). One entry point per handler
 * module the manifest names (`handler: index.X` → `src/index`), as the CLI derives them.
 *
 * Only the output folder differs: Forge writes to a temporary folder and uploads it; here the bundle stays in
 * `.forge-bundle/` (ignored by git) so the tests and the local platform can run the artefact that would be
 * uploaded. Forge's CLI only logs webpack's warnings; here every warning fails the build, since each one so
 * far (a dynamic require, a missing optional module) meant code that would break on Forge at run time.
 */
export const FORGE_BUNDLE_DIR = '.forge-bundle';

/** Where the bundle of one handler module is (`index` → `.forge-bundle/index.cjs`). */
export function bundledFile(rootDir: string, module: string, outputDir = path.join(rootDir, FORGE_BUNDLE_DIR)): string {
  return path.join(outputDir, `${module}.cjs`);
}

/** The folder of the app's Forge source, as `@forge/manifest` defines it (`SOURCE_DIRECTORY`). */
const SOURCE_DIRECTORY = 'src';

export interface ForgeBundle {
  outputDir: string;
  /** Handler module → its bundled file (`index` → `.forge-bundle/index.cjs`). */
  files: Map<string, string>;
  /** Every source module webpack put in the bundle, relative to the app's folder (`./src/…`, `./node_modules/…`). */
  modules: string[];
  warnings: string[];
}

export class ForgeBundleError extends Error {}

/** The modules the manifest's handlers live in: `index.projectPageResolver` → `index`. */
export function handlerModules(rootDir: string): string[] {
  const manifest = loadAppManifest(path.join(rootDir, 'manifest.yml'));
  return [...new Set([...manifest.functions.values()].map((fn) => fn.module))];
}

/** @forge/bundler's own webpack (the CLI's version), rather than whichever one happens to be installed at the top. */
function forgeWebpack(): typeof import('webpack') {
  return module.require(
    require.resolve('webpack', { paths: [path.dirname(require.resolve('@forge/bundler/package.json'))] }),
  ) as typeof import('webpack');
}

export function forgeWebpackConfig(rootDir: string, outputDir = path.join(rootDir, FORGE_BUNDLE_DIR)): Configuration {
  // Required here, not imported: the bundler is a build tool, loaded only when a bundle is wanted.
  const { getCommonWebpackConfig } = module.require('@forge/bundler/out/config/common') as {
    getCommonWebpackConfig(this: void, args: { appDirectory: string; entryPoints: Array<{ name: string; path: string }> }): Configuration;
  };
  const entryPoints = handlerModules(rootDir).map((module) => ({ name: module, path: path.resolve(rootDir, SOURCE_DIRECTORY, module) }));
  const config = getCommonWebpackConfig({ appDirectory: rootDir, entryPoints });
  // What @forge/bundler's NodeBundler.getConfigs adds for the Node runtime.
  config.target = 'node18';
  config.name = 'node-runtime';
  config.output = { ...config.output, filename: '[name].cjs', path: outputDir };
  config.module!.rules!.push({ test: /\.m?js$/, resolve: { fullySpecified: false } });
  // Resolve paths against the app, whatever the caller's working directory.
  config.context = rootDir;
  return config;
}

export async function buildForgeBundle(rootDir: string, outputDir = path.join(rootDir, FORGE_BUNDLE_DIR)): Promise<ForgeBundle> {
  const config = forgeWebpackConfig(rootDir, outputDir);
  const stats = await new Promise<Stats>((resolve, reject) => {
    const compiler = forgeWebpack()(config);
    compiler.run((error, result) => {
      compiler.close(() => undefined);
      if (error) reject(error);
      else if (!result) reject(new ForgeBundleError('webpack gave no result'));
      else resolve(result);
    });
  });
  const info = stats.toJson({ all: false, errors: true, warnings: true, modules: true, assets: true });
  const errors = (info.errors ?? []).map((problem) => problem.message);
  const warnings = (info.warnings ?? []).map((problem) => problem.message);
  if (errors.length > 0) throw new ForgeBundleError(`The Forge bundle failed:\n${errors.join('\n\n')}`);
  if (warnings.length > 0) throw new ForgeBundleError(`The Forge bundle has warnings:\n${warnings.join('\n\n')}`);
  const files = new Map(handlerModules(rootDir).map((module) => [module, bundledFile(rootDir, module, outputDir)]));
  return { outputDir, files, modules: flattenModules(info.modules ?? []), warnings };
}

function flattenModules(modules: NonNullable<ReturnType<Stats['toJson']>['modules']>): string[] {
  return modules.flatMap((module) => (module.modules ? flattenModules(module.modules) : module.name ? [module.name] : []));
}

/**
 * The bundle of the sources as they are now, for tests and benchmarks: built again only when a file under
 * src/, the manifest, tsconfig.json or the lockfile is newer than it (`npm test` builds it before the tests run).
 */
export async function currentForgeBundle(rootDir: string): Promise<string> {
  const outputDir = path.join(rootDir, FORGE_BUNDLE_DIR);
  const built = handlerModules(rootDir).map((module) => mtimeOf(bundledFile(rootDir, module)));
  const oldestBuilt = Math.min(...built);
  const inputs = ['manifest.yml', 'tsconfig.json', 'package-lock.json'].map((file) => mtimeOf(path.join(rootDir, file)));
  const newestInput = Math.max(...inputs, newestUnder(path.join(rootDir, SOURCE_DIRECTORY)));
  if (oldestBuilt >= newestInput) return outputDir;
  await buildForgeBundle(rootDir, outputDir);
  return outputDir;
}

function mtimeOf(file: string): number {
  return existsSync(file) ? statSync(file).mtimeMs : -Infinity;
}

function newestUnder(dir: string): number {
  let newest = -Infinity;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(full) : statSync(full).mtimeMs);
  }
  return newest;
}
