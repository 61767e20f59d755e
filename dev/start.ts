import './runtime/forge-global-fetch';
import path from 'node:path';
import { startLocalSite } from './local-site';
import { runBackgroundJobs } from './runtime/background-jobs';
import { realSiteFromEnvironment } from './runtime/real-jira-site';
import { measureDemoProjects } from './demo-setup';

/**
 * `npm start`: the app on a simulated Jira Cloud site at http://localhost:8080 (PORT overrides).
 *   --fresh      start with empty app storage (.local/ is otherwise kept between runs)
 *   --big N      add a project BIG with N issues (up to 200,000) for scale work
 *   --seed N     another deterministic demo site
 * With JIRA_SITE, JIRA_EMAIL and JIRA_API_TOKEN set, the app reads that real site instead.
 * FORGE_APP=bundle runs the deployable bundle (`npm run build:forge` first) instead of the TypeScript sources;
 * FORGE_LICENCE=active or inactive hands the app a licence, as Forge does for a paid app in production.
 */
function parseArguments(argv: string[]): { fresh: boolean; big?: number; seed?: number } {
  const options: { fresh: boolean; big?: number; seed?: number } = { fresh: false };
  for (let i = 0; i < argv.length; i += 1) {
    const argument = argv[i];
    const number = (name: string, max: number) => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0 || value > max) throw new Error(`${name} takes a whole number from 0 to ${max}`);
      return value;
    };
    if (argument === '--fresh') options.fresh = true;
    else if (argument === '--big') options.big = number('--big', 200_000);
    else if (argument === '--seed') options.seed = number('--seed', 2 ** 31);
    else throw new Error(`Unknown option ${argument}. Options: --fresh, --big N, --seed N`);
  }
  return options;
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  const rootDir = path.resolve(__dirname, '..');
  const port = Number(process.env.PORT ?? 8080);
  const realSite = realSiteFromEnvironment(process.env);
  const site = await startLocalSite({
    rootDir,
    port,
    dataDir: path.join(rootDir, '.local'),
    fresh: args.fresh,
    seed: args.seed,
    bigProjectIssues: args.big,
    realSite,
    echoLogs: true,
  });
  const stopJobs = runBackgroundJobs(site.platform, (message) => console.log(`  platform: ${message}`));
  if (!realSite) await measureDemoProjects(site);
  console.log(`Flow Metrics for Jira is running on a ${realSite ? `real site (${realSite.site}, read-only)` : 'simulated Jira site'}.`);
  console.log(
    `  Running the app's ${site.platform.appForm === 'bundle' ? 'bundle (.forge-bundle/)' : 'TypeScript sources'}, ${site.platform.licence ? `licence ${site.platform.licence.isActive ? 'active' : 'inactive'}` : 'no licence (as in development)'}.`,
  );
  console.log(`  Open ${site.hostUrl}/`);
  console.log(`  Users: ${site.users.map((user) => `${user.displayName} (${user.role})`).join(', ')}`);
  console.log(`  Simulated Jira REST API: ${site.jiraUrl}`);
  const stop = () => {
    stopJobs();
    void site.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
