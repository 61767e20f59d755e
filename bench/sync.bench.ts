/**
 * `npm run bench:sync`: how many Jira requests, and how long, the app's sync takes on the simulated site for
 * projects of 1k, 10k and 100k issues, side by side with the straightforward approach a typical app takes
 * (written here only): search with `expand=changelog`, then per-issue changelog pages for every history the
 * search cut short. Both read the same site; the straightforward result is also the check that ours is right.
 *
 * Targets: our first backfill at most one fifth of the straightforward approach's requests; an incremental
 * sync after 1% of issues changed at most 3 + changed/100 requests.
 *
 * Every Jira request is given `BENCH_LATENCY_MS` (default 20 ms) of simulated network latency, so elapsed
 * times reflect round trips and not only the simulation's speed. `BENCH_SIZES=1000,10000` picks sizes.
 */
import {
  FACET_FIELDS,
  facetsOfJiraIssue,
  IssueFacetsBuilder,
  JiraHistoryBuilder,
  type CompactHistory,
  type JiraChangeHistory,
  type JiraStatus,
} from '../src/domain';
import { issueFacts, SyncHarness } from '../dev/testing/local-sync-harness';
import type { ProjectViewData, ResolverResult } from '../src/shared/resolver-contract';

const SIZES = (process.env['BENCH_SIZES'] ?? '1000,10000,100000').split(',').map(Number);
const LATENCY_MS = Number(process.env['BENCH_LATENCY_MS'] ?? 20);
const PROJECT = 'BIG';
const FIELDS = ['created', 'issuetype', 'status', 'resolutiondate', ...FACET_FIELDS, 'customfield_10021'];
const WORKFLOW = ['Backlog', 'Ready', 'In Progress', 'In Review', 'QA', 'Done'];

interface Row {
  issues: number;
  straightforward: { requests: number; ms: number };
  backfill: { requests: number; ms: number; kvsWrites: number };
  incremental: { changed: number; requests: number; ms: number; shardsRewritten: number; shards: number };
  view: { bytes: number; ms: number; parts: number };
  /** KVS units (10 KB, Forge's metering) of each kind of work. */
  units: { backfill: Units; incremental: Units; firstOpen: Units; wholeHistory: Units; returningOpen: Units };
  identical: boolean;
}

interface Units {
  read: number;
  write: number;
}

/** Forge's per-installation KVS read quota, in units a minute. */
const READ_UNITS_PER_MINUTE = 4000;

/** The straightforward approach: what most apps do, sequentially, page after page. */
async function straightforwardSync(harness: SyncHarness): Promise<CompactHistory> {
  const statuses = (await harness.jira<JiraStatus[]>('GET', '/rest/api/3/status')).body;
  const builder = new JiraHistoryBuilder({ statuses, flaggedFieldIds: ['customfield_10021'] });
  const facets = new IssueFacetsBuilder();
  const jql = encodeURIComponent(`project = ${PROJECT} ORDER BY key ASC`);
  let token: string | undefined;
  do {
    const path = `/rest/api/3/search/jql?jql=${jql}&fields=${FIELDS.join(',')}&expand=changelog&maxResults=100${token ? `&nextPageToken=${encodeURIComponent(token)}` : ''}`;
    const page = (
      await harness.jira<{
        issues: Array<{ id: string; fields: Record<string, unknown>; changelog: { histories: JiraChangeHistory[]; total: number } }>;
        nextPageToken?: string;
      }>('GET', path)
    ).body;
    for (const issue of page.issues) {
      const changelog = issue.changelog;
      // The search embeds the first histories only: page through the rest, one issue at a time.
      while (changelog.histories.length < changelog.total) {
        const more = await harness.jira<{ values: JiraChangeHistory[] }>(
          'GET',
          `/rest/api/3/issue/${issue.id}/changelog?startAt=${changelog.histories.length}&maxResults=100`,
        );
        if (more.body.values.length === 0) break;
        changelog.histories.push(...more.body.values);
      }
      builder.addSearchIssue(issue);
      facets.add(facetsOfJiraIssue(issue.fields));
    }
    token = page.nextPageToken;
  } while (token);
  return { ...builder.build(), facets: facets.build() };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

async function requestsOf(harness: SyncHarness, work: () => Promise<unknown>): Promise<{ requests: number; ms: number }> {
  await harness.resetStats();
  const { ms } = await timed(work);
  return { requests: (await harness.stats()).total, ms };
}

async function benchmark(issues: number): Promise<Row> {
  const harness = new SyncHarness({ bigProjectIssues: issues });
  try {
    await harness.chaos({ latencyMs: LATENCY_MS });
    await harness.measure(PROJECT);

    const say = (what: string) => process.stderr.write(`  ${issues} issues: ${what}\n`);
    say('straightforward sync');
    let theirs: CompactHistory | null = null;
    const straightforward = await requestsOf(harness, async () => {
      theirs = await straightforwardSync(harness);
    });

    say('our backfill');
    const writesBefore = harness.kvs.stats().writes;
    let mark = unitsNow(harness);
    const backfill = await requestsOf(harness, () => harness.runScheduledSync());
    const backfillUnits = unitsSince(harness, mark);
    const kvsWrites = harness.kvs.stats().writes - writesBefore;

    // A first open: the page asks for the Overview first, and paints it from the sync's summary.
    mark = unitsNow(harness);
    const overviewAnswer = await harness.invoke<ProjectViewData>('getProjectView', PROJECT, harness.user('member'), {
      overviewFirst: true,
    });
    const firstOpen = unitsSince(harness, mark);
    if (!overviewAnswer.ok || !overviewAnswer.data.overview) throw new Error('the first open was not answered with the Overview summary');

    // Going further (another tab, another filter): the whole history, in parts. Answer size and time.
    let answerBytes = 0;
    let parts = 0;
    mark = unitsNow(harness);
    const view = await timed(async () => {
      let fromShard: number | null = 0;
      while (fromShard !== null) {
        const answer: ResolverResult<ProjectViewData> = await harness.invoke<ProjectViewData>(
          'getProjectView',
          PROJECT,
          harness.user('member'),
          { fromShard },
        );
        if (!answer.ok || !answer.data.history) throw new Error('the project view failed');
        answerBytes = Math.max(answerBytes, Buffer.byteLength(JSON.stringify(answer)));
        parts += 1;
        fromShard = answer.data.history.nextShard;
      }
    });
    const wholeHistory = unitsSince(harness, mark);
    // What a reader's browser keeps after that open (the same answer, read again outside the measure).
    const { held, history: oursHeld } = await harness.viewedHistorySince(PROJECT, null);
    const ours = oursHeld!;
    const identical = JSON.stringify(issueFacts(ours)) === JSON.stringify(issueFacts(theirs!));

    say('1% of the issues change; our incremental sync');
    // 1% of the issues change status; then the hourly incremental sync.
    const changed = Math.max(1, Math.round(issues / 100));
    const step = Math.floor(issues / changed);
    for (let k = 0; k < changed; k++) {
      const key = `${PROJECT}-${1 + k * step}`;
      const current = (await harness.jira<{ fields: { status: { name: string } } }>('GET', `/rest/api/3/issue/${key}?fields=status`)).body;
      const next = WORKFLOW[(WORKFLOW.indexOf(current.fields.status.name) + 1) % WORKFLOW.length];
      await harness.jira('POST', `/__jira/issues/${key}/status`, { status: next });
    }
    // Shards are content-named, so the shard keys that appear are the shards the sync read and rewrote.
    const shardKeys = () => new Set(harness.kvs.listPlain(`project:${PROJECT}:shard:`).map((entry) => entry.key));
    const shardsBefore = shardKeys();
    mark = unitsNow(harness);
    const incremental = await requestsOf(harness, () => harness.runScheduledSync());
    const incrementalUnits = unitsSince(harness, mark);
    const shardsAfter = shardKeys();
    const shardsRewritten = [...shardsAfter].filter((key) => !shardsBefore.has(key)).length;
    // A reader who opened the page before that sync opens it again.
    mark = unitsNow(harness);
    const returning = await harness.viewedHistorySince(PROJECT, held);
    const returningOpen = unitsSince(harness, mark);
    const after = returning.history!;
    const current = await harness.truth(PROJECT);
    const caughtUp = JSON.stringify(issueFacts(after)) === JSON.stringify(issueFacts(current));

    return {
      issues,
      straightforward,
      backfill: { ...backfill, kvsWrites },
      incremental: { changed, ...incremental, shardsRewritten, shards: returning.view.history?.shardCount ?? 0 },
      view: { bytes: answerBytes, ms: view.ms, parts },
      units: { backfill: backfillUnits, incremental: incrementalUnits, firstOpen, wholeHistory, returningOpen },
      identical: identical && caughtUp && returning.view.history?.basedOn === held?.version,
    };
  } finally {
    harness.close();
  }
}

function unitsNow(harness: SyncHarness): Units {
  const stats = harness.kvs.stats();
  return { read: stats.readUnits, write: stats.writeUnits };
}

function unitsSince(harness: SyncHarness, mark: Units): Units {
  const now = unitsNow(harness);
  return { read: now.read - mark.read, write: now.write - mark.write };
}

/** Page opens a minute that fit the read quota beside one incremental sync in the same minute. */
function opensPerMinute(openUnits: number, syncUnits: number): number {
  return Math.floor((READ_UNITS_PER_MINUTE - syncUnits) / Math.max(1, openUnits));
}

function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const size of SIZES) {
    process.stderr.write(`benchmarking ${size} issues...\n`);
    rows.push(await benchmark(size));
  }
  const lines = [
    `Jira requests and elapsed time (simulated site, ${LATENCY_MS} ms latency per request)`,
    '',
    '| issues | straightforward: requests | time | our backfill: requests | time | ratio | target ≤ 0.20 | incremental after 1% changed: requests | target ≤ 3 + changed/100 | time | view answer | view time | same data |',
    '|---:|---:|---:|---:|---:|---:|:---:|---:|---:|---:|---:|---:|:---:|',
  ];
  for (const row of rows) {
    const ratio = row.backfill.requests / row.straightforward.requests;
    const incrementalTarget = 3 + row.incremental.changed / 100;
    lines.push(
      [
        row.issues.toLocaleString('en-US'),
        row.straightforward.requests,
        formatMs(row.straightforward.ms),
        row.backfill.requests,
        formatMs(row.backfill.ms),
        ratio.toFixed(2),
        ratio <= 0.2 ? 'met' : 'missed',
        `${row.incremental.requests} (${row.incremental.changed} changed)`,
        `${incrementalTarget.toFixed(1)}: ${row.incremental.requests <= incrementalTarget ? 'met' : 'missed'}`,
        formatMs(row.incremental.ms),
        `${(row.view.bytes / 1_048_576).toFixed(2)} MB${row.view.parts > 1 ? ` × ${row.view.parts}` : ''}`,
        formatMs(row.view.ms),
        row.identical ? 'yes' : 'NO',
      ]
        .join(' | ')
        .replace(/^/, '| ')
        .replace(/$/, ' |'),
    );
  }
  lines.push(
    '',
    `KVS units per installation (10 KB each; Forge allows ${READ_UNITS_PER_MINUTE.toLocaleString('en-US')} read and 4,000 write units a minute)`,
    '',
    '| issues | backfill: read / write | incremental sync (1% changed): read / write | page open, first (Overview summary): read | going further (whole history): read | page open, returning after that sync: read | opens a minute with a sync running: first / returning | target ≥ 60 |',
    '|---:|---:|---:|---:|---:|---:|---:|:---:|',
  );
  // The target is judged on first opens: sixty different readers a minute each open the page in a browser
  // that holds nothing yet. A returning reader's cheap open is shown beside it, not counted towards it.
  for (const row of rows) {
    const { backfill, incremental, firstOpen, wholeHistory, returningOpen } = row.units;
    const first = opensPerMinute(firstOpen.read, incremental.read);
    const again = opensPerMinute(returningOpen.read, incremental.read);
    lines.push(
      `| ${row.issues.toLocaleString('en-US')} | ${backfill.read} / ${backfill.write} | ${incremental.read} / ${incremental.write} | ${firstOpen.read} | ${wholeHistory.read} | ${returningOpen.read} | ${first} / ${again} | ${first >= 60 ? 'met' : 'missed'} |`,
    );
  }
  lines.push('');
  for (const row of rows) {
    // Changed issues spread over the history touch nearly every shard of ~512 issues; each shard touched is
    // read and rewritten whole, so the sync costs about what the whole history weighs.
    const { changed, shardsRewritten, shards } = row.incremental;
    lines.push(
      `${row.issues.toLocaleString('en-US')} issues: the incremental sync (${changed} changed) read and rewrote ${shardsRewritten} of ${shards} shards`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (rows.some((row) => !row.identical)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
