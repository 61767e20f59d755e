import fc from 'fast-check';
import { DEMO_REPOSITORIES } from '../../dev/github/demo-github';
import { DEMO_CHANNELS } from '../../dev/slack/demo-slack';
import { createSettingsTestSite, PEOPLE, TINY_PROJECTS } from '../../dev/testing/settings-test-site';
import type { ResolverErrorCode } from '../shared/resolver-contract';
import { SETTINGS_FUNCTION_KEYS } from './settings-page-resolver';

/**
 * Every resolver function, fed generated payloads through the local platform and the real SDKs, as the
 * bridge would deliver them (JSON). Whatever arrives, the answer is a typed result, never a crash or a stack
 * trace, and a refused call changes nothing: no stored value, no secret, no queued job.
 * `FUZZ_RUNS` raises the number of cases per resolver (default 1000) for a longer run.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000);
const PROJECT_PAGE_FUNCTIONS = ['getProjectPage', 'getProjectView', 'getSyncState', 'syncNow'];
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
  'projectKey', 'measured', 'mode', 'workflow', 'conventions', 'token', 'repositories', 'channelId', 'note',
  'retentionDays', 'cursor', 'page', 'confirmation', 'fromShard', '__proto__', 'constructor', 'prototype',
];
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    'FLOW', 'WEB', 'FLOW" OR project = WEB', 'FLOW) OR (1=1', "FLOW' OR '1'='1", 'project = FLOW ORDER BY created',
    '../../etc/passwd', '<script>alert(1)</script>', '${jndi:ldap://x}', '\u0000', 'a'.repeat(5000), 'C0123456789',
    'owner/repo', 'ERASE', '', ' ', 'null', '__proto__',
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
const site = createSettingsTestSite();

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
  page: fc.integer({ min: -2, max: 50 }),
  confirmation: hostileString,
  fromShard: fc.integer({ min: -2, max: 100 }),
};
/** The fields each function accepts (the rest accept `{}`), as src/handlers/settings-payloads.ts has them. */
const FUNCTION_FIELDS: Record<string, readonly string[]> = {
  setProjectMeasured: ['projectKey', 'measured'],
  getProjectWorkflow: ['projectKey'],
  resetProjectWorkflow: ['projectKey'],
  saveProjectWorkflow: ['projectKey', 'workflow', 'conventions'],
  requestProjectSync: ['projectKey', 'mode'],
  connectGitHub: ['token', 'repositories'],
  updateGitHubRepositories: ['repositories'],
  connectSlack: ['token', 'channelId'],
  updateSlackChannel: ['channelId'],
  setRetention: ['retentionDays'],
  exportAppData: ['cursor'],
  eraseAllAppData: ['confirmation'],
  getAuditLog: ['page'],
  getProjectView: ['fromShard'],
};
/** Payloads for one function: mostly shaped like what it accepts, otherwise anything at all. */
const payloadFor = (functionKey: string): fc.Arbitrary<unknown> => {
  const fields = FUNCTION_FIELDS[functionKey] ?? [];
  const shaped = fc.record(Object.fromEntries(fields.map((field) => [field, typedField[field]!])), { requiredKeys: fields.length > 1 ? [...fields] : [] });
  return fc.oneof(
    { arbitrary: shaped, weight: 3 },
    { arbitrary: fc.dictionary(fc.constantFrom(...FIELD_NAMES), hostileValue, { maxKeys: 4 }), weight: 1 },
    { arbitrary: fc.jsonValue({ maxDepth: 4 }), weight: 1 },
  );
};

describe('resolvers under generated payloads', () => {
  beforeAll(() => site.platform.install());
  afterAll(() => site.platform.uninstall());

  const storeSnapshot = () => JSON.stringify([site.kvs.listPlain(), site.kvs.listSecrets(), site.platform.queue.size]);

  function expectTypedAnswer(answer: any): void {
    expect(typeof answer).toBe('object');
    expect(typeof answer.ok).toBe('boolean');
    if (!answer.ok) {
      expect(ERROR_CODES.has(answer.error.code)).toBe(true);
      expect(typeof answer.error.message).toBe('string');
    }
    expect(JSON.stringify(answer)).not.toMatch(STACK_TRACE);
  }

  /** Answers, by function and code: the run must reach every function, and validation must do the refusing. */
  async function fuzz(call: (functionKey: string, body: unknown) => Promise<unknown>, functionKeys: readonly string[]): Promise<Map<string, number>> {
    const tally = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...functionKeys).chain((key) => fc.tuple(fc.constant(key), payloadFor(key))), async ([functionKey, generated]) => {
        // The bridge delivers JSON: what cannot survive a round trip never reaches a resolver.
        const body = JSON.parse(JSON.stringify(generated ?? null)) as unknown;
        const before = storeSnapshot();
        const answer: any = await call(functionKey, body);
        expectTypedAnswer(answer);
        const outcome = `${functionKey} ${answer.ok ? 'OK' : answer.error.code}`;
        tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
        if (!answer.ok) expect(storeSnapshot()).toBe(before);
        // Nothing the app does in the background crashes either.
        await site.platform.drainQueue();
      }),
      { numRuns: RUNS },
    );
    const reached = new Set([...tally.keys()].map((outcome) => outcome.split(' ')[0]));
    expect([...reached].sort()).toEqual([...functionKeys].sort());
    const codes = [...tally.keys()].map((outcome) => outcome.split(' ')[1]);
    expect(codes).toContain('INVALID_INPUT');
    // An unexpected fault would be answered INTERNAL: typed, but a bug all the same.
    expect(codes).not.toContain('INTERNAL');
    return tally;
  }

  it(`answers the settings resolver's every function with a typed result (${RUNS} cases)`, async () => {
    await fuzz((functionKey, body) => site.call(PEOPLE.admin, functionKey, body), SETTINGS_FUNCTION_KEYS);
  }, 120_000);

  it(`answers the project page resolver's every function with a typed result (${RUNS} cases)`, async () => {
    const project = TINY_PROJECTS[0]!;
    await fuzz(
      (functionKey, body) =>
        site.platform.invokeResolver({ moduleKey: 'flow-metrics-project-page', functionKey, payload: body, accountId: PEOPLE.member, project: { id: project.id, key: project.key } }),
      PROJECT_PAGE_FUNCTIONS,
    );
  }, 120_000);

  it('answers a forged export cursor as invalid input (found by this fuzzing)', async () => {
    const answer = await site.call(PEOPLE.admin, 'exportAppData', { cursor: 'not-a-cursor' });
    expect(answer).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'The export cursor is not valid any more; start the export again.' } });
  });

  it('never logs a stack trace for what it refused', () => {
    expect(JSON.stringify(site.platform.logs.all())).not.toMatch(/\n\s+at /);
  });
});
