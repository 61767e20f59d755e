import fc from 'fast-check';
import { WITHOUT_QUOTAS, type KvsEntry } from '../../dev/kvs';
import { WITHOUT_INVOCATION_RATE_LIMITS } from '../../dev/runtime/invocation-limits';
import { DEMO_REPOSITORIES } from '../../dev/github/demo-github';
import { DEMO_CHANNELS } from '../../dev/slack/demo-slack';
import { forgetRequestThrottles } from '../../dev/testing/request-throttles';
import { createSettingsTestSite, PEOPLE, TINY_PROJECTS, type SettingsFunctionKey } from '../../dev/testing/settings-test-site';
import { auditEntriesIn } from '../../dev/testing/stored-values';
import type { ProjectPageFunctions, ResolverErrorCode, ResolverResult } from '../shared/resolver-contract';
import { PROJECT_PAGE_FUNCTION_KEYS } from './project-page-resolver';
import { SETTINGS_FUNCTION_KEYS } from './settings-page-resolver';

/**
 * Every function of both resolvers, each fed its own generated payloads through the local platform and the
 * real SDKs, as the bridge would deliver them (JSON). Whatever arrives, the answer is a typed result, never a
 * crash or a stack trace, and a refused call changes nothing in the whole store: no stored value, no secret,
 * no queued job. `FUZZ_RUNS` sets the number of cases per function (default 1000) for a longer run.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000);
const ERROR_CODES: ReadonlySet<ResolverErrorCode> = new Set([
  'INVALID_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'NOT_CONFIGURED',
  'INTERNAL',
]);
/** What a stack trace or a leaked runtime error looks like in text. */
const STACK_TRACE = /\n\s+at |\bat [^\s]+ \([^)]*:\d+:\d+\)|node_modules|\.ts:\d+|TypeError|ReferenceError/;

/** The field names resolvers read, so generated objects often reach validation of real fields. */
const FIELD_NAMES = [
  'projectKey',
  'measured',
  'mode',
  'workflow',
  'conventions',
  'token',
  'repositories',
  'channelId',
  'note',
  'retentionDays',
  'cursor',
  'page',
  'confirmation',
  'fromShard',
  '__proto__',
  'constructor',
  'prototype',
];
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    'FLOW',
    'WEB',
    'FLOW" OR project = WEB',
    'FLOW) OR (1=1',
    "FLOW' OR '1'='1",
    'project = FLOW ORDER BY created',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '${jndi:ldap://x}',
    '\u0000',
    'a'.repeat(5000),
    'C0123456789',
    'owner/repo',
    'ERASE',
    '',
    ' ',
    'null',
    '__proto__',
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 5 }),
  fc.jsonValue({ maxDepth: 3 }),
);
// Thousands of calls in seconds: typed answers are under test here; the KVS quotas and invocation limits
// have their own tests.
const site = createSettingsTestSite(undefined, undefined, { kvs: WITHOUT_QUOTAS, invocations: WITHOUT_INVOCATION_RATE_LIMITS });
site.keepRequestThrottles = true;

/** Each field with a value of roughly the right type, so generated payloads also get past validation. */
const typedField: Record<string, fc.Arbitrary<unknown>> = {
  projectKey: fc.oneof(fc.constantFrom('FLOW', 'WEB', 'NOPE'), hostileString),
  measured: fc.boolean(),
  mode: fc.oneof(fc.constantFrom('sync-now', 'rebuild'), hostileString),
  workflow: fc.jsonValue({ maxDepth: 3 }),
  conventions: fc.jsonValue({ maxDepth: 2 }),
  // Real demo tokens too, so connecting sometimes succeeds and later calls meet a connection.
  token: fc.oneof(
    fc.constantFrom(...Object.values(site.github.tokens).map((t) => t.token), ...Object.values(site.slack.tokens).map((t) => t.token)),
    fc.constantFrom('github_pat_11AAAAAAA0abcdefghijklmnopqrstuvwxyzABCDEFGH', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'xoxb-1-2-abc'),
    hostileString,
  ),
  repositories: fc.array(fc.oneof(fc.constantFrom(...Object.values(DEMO_REPOSITORIES)), hostileString), { maxLength: 4 }),
  channelId: fc.oneof(fc.constantFrom(...Object.values(DEMO_CHANNELS)), hostileString),
  retentionDays: fc.integer({ min: -10, max: 4000 }),
  cursor: hostileString,
  confirmation: hostileString,
  fromShard: fc.integer({ min: -2, max: 100 }),
  boardId: fc.oneof(fc.integer({ min: -2, max: 5 }), hostileValue),
  serviceLevel: fc.oneof(fc.boolean(), hostileValue),
  source: fc.oneof(fc.constantFrom('jql', 'epic'), hostileString),
  jql: fc.oneof(fc.constantFrom('issuetype = Bug', 'status = Done) OR (project = BUG', 'ORDER BY created'), hostileString),
  reviewWait: fc.oneof(
    fc.record({ enabled: fc.boolean(), hours: fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.double()) }),
    hostileValue,
  ),
};
/** The fields each function accepts (the rest accept `{}`), as src/handlers/settings-payloads.ts has them. */
const FUNCTION_FIELDS: Record<string, readonly string[]> = {
  setProjectMeasured: ['projectKey', 'measured'],
  getProjectWorkflow: ['projectKey'],
  resetProjectWorkflow: ['projectKey'],
  proposeBoardWorkflow: ['projectKey', 'boardId'],
  saveProjectWorkflow: ['projectKey', 'workflow', 'conventions'],
  requestProjectSync: ['projectKey', 'mode'],
  connectGitHub: ['token', 'repositories'],
  updateGitHubRepositories: ['repositories'],
  connectSlack: ['token', 'channelId'],
  updateSlackChannel: ['channelId'],
  setRetention: ['retentionDays'],
  exportAppData: ['cursor'],
  eraseAllAppData: ['confirmation'],
  getAuditLog: ['cursor'],
  getProjectView: ['fromShard'],
  saveSlackAlerts: ['projectKey', 'serviceLevel', 'reviewWait', 'channelId'],
  countRemainingWork: ['source', 'jql'],
};
/** Payloads for one function: mostly shaped like what it accepts, otherwise anything at all. */
const payloadFor = (functionKey: string): fc.Arbitrary<unknown> => {
  const fields = FUNCTION_FIELDS[functionKey] ?? [];
  const shaped = fc.record(Object.fromEntries(fields.map((field) => [field, typedField[field]!])), {
    requiredKeys: fields.length > 1 ? [...fields] : [],
  });
  return fc.oneof(
    { arbitrary: shaped, weight: 3 },
    { arbitrary: fc.dictionary(fc.constantFrom(...FIELD_NAMES), hostileValue, { maxKeys: 4 }), weight: 1 },
    { arbitrary: fc.jsonValue({ maxDepth: 4 }), weight: 1 },
  );
};

/** The whole store as text: every plain value and every stored secret, and the jobs waiting on the queue. */
interface StoreState {
  plain: string;
  secrets: string;
  queued: number;
  writes: number;
}

/**
 * A stored token that GitHub or Slack now refuses is answered NOT_CONFIGURED, and the connection's record
 * keeps that check (`lastCheck`) so the page can show it: the one write a refused call may make. The input
 * itself was valid; it is the outside service that said no.
 */
function withoutLastCheck(entries: KvsEntry[]): KvsEntry[] {
  return entries.map((entry) =>
    entry.key.startsWith('connection:') && typeof entry.value === 'object' && entry.value !== null
      ? { key: entry.key, value: { ...(entry.value as Record<string, unknown>), lastCheck: 'a failed check' } }
      : entry,
  );
}

/** The audit entry a refused attempt leaves, by the function that made it. */
const REFUSAL_RECORDED_BY: Record<string, string> = {
  connectGitHub: 'github.connect-refused',
  connectSlack: 'slack.connect-refused',
  updateGitHubRepositories: 'github.repositories-change-refused',
  updateSlackChannel: 'slack.channel-change-refused',
  saveSlackAlerts: 'slack.alert-channel-refused',
  sendSlackTestMessage: 'slack.test-message-failed',
};

/** The plain values a store state holds, as the emulator listed them. */
const plainOf = (state: StoreState) => JSON.parse(state.plain) as KvsEntry[];

/**
 * A token or a channel GitHub or Slack refused is recorded in the audit log (who tried, when, why): that one
 * entry, and the connection's last check, is all a refused attempt may add; the rest of the store reads the
 * same. Answers whether the call recorded such an attempt.
 */
function expectOnlyRefusalRecorded(functionKey: string, code: ResolverErrorCode, before: StoreState, after: StoreState): boolean {
  const [was, is] = [plainOf(before), plainOf(after)];
  const known = new Set(auditEntriesIn(was).map((entry) => entry.id));
  const recorded = auditEntriesIn(is).filter((entry) => !known.has(entry.id));
  if (recorded.length === 0) return false;
  // A request asked for again too soon is recorded as such (src/app/access/admin-request-throttle.ts).
  const expected = code === 'RATE_LIMITED' ? 'request.rate-limited' : REFUSAL_RECORDED_BY[functionKey];
  expect([functionKey, recorded.map((entry) => entry.action)]).toEqual([functionKey, [expected]]);
  // An attempt GitHub or Slack refused still used up its turn: the throttle's marker may be new.
  const outsideAuditLog = (plain: KvsEntry[]) =>
    withoutLastCheck(plain.filter((entry) => !entry.key.startsWith('audit:') && !entry.key.startsWith('throttle:')));
  expect([functionKey, outsideAuditLog(is)]).toEqual([functionKey, outsideAuditLog(was)]);
  expect({ ...after, plain: '', writes: 0 }).toEqual({ ...before, plain: '', writes: 0 });
  return true;
}

describe('resolvers under generated payloads', () => {
  beforeAll(() => {
    site.platform.install();
    // Hundreds of test messages a second, far beyond Slack's one a second per channel (which has its own tests).
    site.slack.slack.setPostBurst(Infinity);
  });
  afterAll(() => site.platform.uninstall());

  const storeState = (): StoreState => ({
    plain: JSON.stringify(site.kvs.listPlain()),
    secrets: JSON.stringify(site.kvs.listSecrets()),
    queued: site.platform.queue.size,
    writes: site.kvs.stats().writes,
  });

  /** Checks an answer is a typed `ResolverResult`: afterwards the test reads it as one. */
  function expectTypedAnswer(answer: unknown): asserts answer is ResolverResult<unknown> {
    expect(typeof answer).toBe('object');
    const { ok, error } = (answer ?? {}) as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
    expect(typeof ok).toBe('boolean');
    if (!ok) {
      expect(ERROR_CODES.has(error?.code as ResolverErrorCode)).toBe(true);
      expect(typeof error?.message).toBe('string');
    }
    expect(JSON.stringify(answer)).not.toMatch(STACK_TRACE);
  }

  function expectNothingChanged(functionKey: string, code: ResolverErrorCode, before: StoreState): void {
    const after = storeState();
    if (expectOnlyRefusalRecorded(functionKey, code, before, after)) return;
    if (code === 'NOT_CONFIGURED' && after.plain !== before.plain) {
      const [was, is] = [plainOf(before), plainOf(after)];
      expect([functionKey, withoutLastCheck(is)]).toEqual([functionKey, withoutLastCheck(was)]);
      expect({ ...after, plain: '', writes: after.writes - 1 }).toEqual({ ...before, plain: '' });
    } else {
      // Not one write was even attempted, and the whole store reads the same.
      expect([functionKey, code, after]).toEqual([functionKey, code, before]);
    }
  }

  /** `RUNS` generated payloads for one function; answers by code, so a run that never got past validation shows. */
  async function fuzz(functionKey: string, call: (body: unknown) => Promise<unknown>): Promise<Map<string, number>> {
    const tally = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(payloadFor(functionKey), async (generated) => {
        // The bridge delivers JSON: what cannot survive a round trip never reaches a resolver.
        const body = JSON.parse(JSON.stringify(generated ?? null)) as unknown;
        // Each payload gets the expensive requests' turn (their throttle has its own tests), before the store is read.
        await forgetRequestThrottles(site.kvs);
        const before = storeState();
        const answer = await call(body);
        expectTypedAnswer(answer);
        const outcome = answer.ok ? 'OK' : answer.error.code;
        tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
        if (!answer.ok) expectNothingChanged(functionKey, answer.error.code, before);
        // Nothing the app does in the background crashes either.
        await site.platform.drainQueue();
      }),
      { numRuns: RUNS },
    );
    // An unexpected fault would be answered INTERNAL: typed, but a bug all the same.
    expect([functionKey, tally.get('INTERNAL') ?? 0]).toEqual([functionKey, 0]);
    return tally;
  }

  /**
   * Each function starts from a site in use: a project measured, GitHub and Slack connected with demo tokens,
   * so the fuzz reaches the checks of stored tokens and not only "not connected".
   */
  async function siteInUse(): Promise<void> {
    // From an empty store each time, so one function's successes (audit entries) do not slow the next.
    site.kvs.clear();
    const admin = <Key extends SettingsFunctionKey>(functionKey: Key, payload: unknown) => site.call(PEOPLE.admin, functionKey, payload);
    await admin('setProjectMeasured', { projectKey: 'FLOW', measured: true });
    await admin('connectGitHub', { token: site.github.tokens.readOnly.token, repositories: [DEMO_REPOSITORIES.webApp] });
    await admin('connectSlack', { token: site.slack.tokens.bot.token, channelId: DEMO_CHANNELS.flowMetrics });
    await site.platform.drainQueue();
    expect(site.kvs.listSecrets().map((entry) => entry.key)).toEqual(['secret:github-token', 'secret:slack-bot-token']);
  }

  /** Functions that take input must have refused some of it; those that take none refuse anything but `{}`. */
  const expectValidationRefused = (functionKey: string, tally: Map<string, number>) =>
    expect([functionKey, (tally.get('INVALID_INPUT') ?? 0) > 0]).toEqual([functionKey, true]);

  const settingsCall = (functionKey: SettingsFunctionKey) => (body: unknown) => site.call(PEOPLE.admin, functionKey, body);
  const projectPageCall = (functionKey: keyof ProjectPageFunctions) => (body: unknown) =>
    site.platform.invokeResolver({
      moduleKey: 'flow-metrics-project-page',
      functionKey,
      payload: body,
      accountId: PEOPLE.member,
      project: { id: TINY_PROJECTS[0]!.id, key: TINY_PROJECTS[0]!.key },
    });

  it.each([...SETTINGS_FUNCTION_KEYS])(
    `settings resolver: %s answers ${RUNS} generated payloads with typed results`,
    async (functionKey) => {
      await siteInUse();
      expectValidationRefused(functionKey, await fuzz(functionKey, settingsCall(functionKey)));
    },
    120_000,
  );

  it.each([...PROJECT_PAGE_FUNCTION_KEYS])(
    `project page resolver: %s answers ${RUNS} generated payloads with typed results`,
    async (functionKey) => {
      await siteInUse();
      expectValidationRefused(functionKey, await fuzz(functionKey, projectPageCall(functionKey)));
    },
    120_000,
  );

  it(`keeps every answer typed when ${RUNS} calls of all functions interleave`, async () => {
    await siteInUse();
    const every: Array<readonly [string, (body: unknown) => Promise<unknown>]> = [
      ...SETTINGS_FUNCTION_KEYS.map((key) => [key, settingsCall(key)] as const),
      ...PROJECT_PAGE_FUNCTION_KEYS.map((key) => [key, projectPageCall(key)] as const),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...every).chain(([key, call]) => fc.tuple(fc.constant(key), fc.constant(call), payloadFor(key))),
        async ([key, call, generated]) => {
          const body = JSON.parse(JSON.stringify(generated ?? null)) as unknown;
          const before = storeState();
          const answer = await call(body);
          expectTypedAnswer(answer);
          if (!answer.ok) expectNothingChanged(key, answer.error.code, before);
          expect(answer.ok || answer.error.code !== 'INTERNAL').toBe(true);
          await site.platform.drainQueue();
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('answers a forged export cursor as invalid input (found by this fuzzing)', async () => {
    const answer = await site.call(PEOPLE.admin, 'exportAppData', { cursor: 'not-a-cursor' });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'The export cursor is not valid any more; start the export again.' },
    });
  });

  it('never logs a stack trace for what it refused', () => {
    expect(JSON.stringify(site.platform.logs.all())).not.toMatch(/\n\s+at /);
  });
});
