/**
 * Forge's own checks, offline and with no login: what `forge lint` and the first step of `forge deploy` run.
 * - manifest.yml against @forge/manifest's full validation (schema, handlers, resources, scopes);
 * - @forge/lint's client-side linters over src/ and the Custom UI sources: scopes used in code but not
 *   declared (read from Atlassian's own description of every Jira operation, in dev/contracts), egress
 *   not declared, handlers and resources.
 * A linter that could not run fails the check: @forge/lint reports that only as an info line ("Could not
 * perform some linting actions ..."), and a scope check that silently skipped proves nothing.
 *
 * Usage: npm run lint:forge   (needs the built Custom UI: `npm run build:ui`). Exit 0 clean, 1 problems.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { ManifestSchema } from '@forge/manifest';

const PROJECT_ROOT = path.resolve(__dirname, '../..');
const CONTRACTS = path.join(PROJECT_ROOT, 'dev/contracts');
const EMPTY_DESCRIPTION = path.join(CONTRACTS, 'no-operations.json');
/** Folders whose code Forge deploys: the backend and the Custom UI sources. */
const LINTED_FOLDERS = ['src', 'static'];
const SKIPPED_FOLDERS = new Set(['node_modules', 'build', 'dist']);

// @forge/lint reads the product descriptions from these variables when USE_LOCAL_SWAGGER is set, and
// otherwise downloads them. The app calls Jira's platform API and two operations of Jira Software's (a
// project's boards and a board's columns: the cut description has both, and dev/jira's Jira Software
// contract test fails if the app calls any other); the other products get an empty one.
process.env.USE_LOCAL_SWAGGER = '1';
process.env.LOCAL_JIRA_SWAGGER = path.join(CONTRACTS, 'jira-platform.scopes.json');
process.env.LOCAL_JSW_SWAGGER = path.join(CONTRACTS, 'jira-software.subset.openapi.json');
for (const product of ['JSM', 'CONF', 'CONF_V2', 'BB']) process.env[`LOCAL_${product}_SWAGGER`] = EMPTY_DESCRIPTION;

function sourceFiles(folder: string, found: string[] = []): string[] {
  if (!existsSync(folder)) return found;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (SKIPPED_FOLDERS.has(entry.name) || entry.name.startsWith('.')) continue;
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) sourceFiles(file, found);
    else if (/\.[tj]sx?$/.test(entry.name)) found.push(path.relative(PROJECT_ROOT, file));
  }
  return found;
}

async function main(): Promise<boolean> {
  process.chdir(PROJECT_ROOT); // both validators read ./manifest.yml and paths relative to it
  // Loaded after the variables above are set.
  const { validate } = await import('@forge/manifest');
  const { lint, problemCount } = await import('@forge/lint');
  const { StatsigReader } = await import('@forge/cli-shared');

  /** Forge's feature-flag service, offline: every gate unknown, so the packages' defaults apply. */
  class OfflineFeatureFlags extends StatsigReader {
    override checkGate(): Promise<boolean> {
      return Promise.resolve(undefined as unknown as boolean);
    }
    override getDynamicConfig(): Promise<never> {
      return Promise.resolve(undefined as never);
    }
  }

  let clean = true;
  const manifestCheck = await validate(false);
  console.log(`manifest.yml: ${manifestCheck.success ? 'valid' : 'INVALID'}`);
  for (const error of manifestCheck.errors ?? []) {
    clean = false;
    console.log(`  manifest.yml:${error.line ?? '?'}:${error.column ?? '?'} ${error.message}`);
  }

  const skippedLinters: string[] = [];
  const report =
    (level: string) =>
    (...parts: unknown[]) => {
      const message = parts.join(' ').trim();
      if (/could not perform/i.test(message)) skippedLinters.push(message);
      else if (level !== 'info') console.log(`  [${level}] ${message}`);
    };
  const logger = { info: report('info'), warn: report('warn'), error: report('error'), debug: () => {}, trace: () => {} };
  const manifest = YAML.parse(readFileSync('manifest.yml', 'utf8')) as ManifestSchema;
  const files = LINTED_FOLDERS.flatMap((folder) => sourceFiles(path.join(PROJECT_ROOT, folder)));
  const results = await lint(
    files,
    manifest,
    'development',
    logger,
    new OfflineFeatureFlags() as never,
    {
      linter: { mode: 'client-side' },
    } as never,
  );
  for (const result of results) {
    for (const problem of [...result.errors, ...result.warnings]) {
      console.log(
        `  ${result.file}:${problem.line}:${problem.column} ${problem.message}${problem.reference ? ` [${problem.reference}]` : ''}`,
      );
    }
    if (result.errors.length > 0) clean = false;
  }
  const count = problemCount(results);
  console.log(`Forge lint over ${files.length} files: ${count.errors} error(s), ${count.warnings} warning(s)`);
  for (const message of skippedLinters) {
    clean = false;
    console.log(`  a linter did not run: ${message}`);
  }
  return clean;
}

main().then(
  (clean) => process.exit(clean ? 0 : 1),
  (error: unknown) => {
    console.error('Forge lint could not run:', error);
    process.exit(2);
  },
);
