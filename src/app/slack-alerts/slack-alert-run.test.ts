import { type CompactHistory, DEFAULT_FLOW_CONFIG, type PullRequestFacts } from '../../domain';
import { pullRequest } from '../../domain/testing/pull-request-fixture';
import { BOARD_WORKFLOW, boardHistory, type IssueSketch } from '../../domain/testing/history-fixture';
import type { SlackBlock } from '../../ports';
import { ServiceRefusal } from '../access/service-refusal';
import type { SlackConnectionRecord } from '../connections/slack-connection';
import type { SlackAlertState } from './alert-crossings';
import { runSlackAlerts, type SlackAlertRunPorts } from './slack-alert-run';
import { ALERTS_OFF, type StoredSlackAlertSettings } from './slack-alert-settings';
import type { SlackAlertRunRecord } from './slack-alert-status';

/**
 * The alerts' run against in-memory ports: which items and pull requests are announced, once per crossing,
 * one message per project, and what happens when Slack says no or the run stops between posting and
 * writing down that it posted.
 */
const HOUR = 3_600_000;

function item(key: string, started: string, done?: string): IssueSketch {
  const moves: IssueSketch['moves'] = [[`${started}T10:00Z`, 'In Progress']];
  if (done !== undefined) moves.push([`${done}T10:00Z`, 'Done']);
  return { key, created: '2025-01-01T08:00Z', moves };
}

// Finished in 3, 5, 5, 6 and 9 days: the 85th percentile (nearest rank) is 9 days.
const FINISHED = (p: string) => [
  item(`${p}-1`, '2025-03-01', '2025-03-03'),
  item(`${p}-2`, '2025-03-01', '2025-03-05'),
  item(`${p}-3`, '2025-03-02', '2025-03-06'),
  item(`${p}-4`, '2025-03-02', '2025-03-07'),
  item(`${p}-5`, '2025-03-02', '2025-03-10'),
];

interface Posted {
  channel: string;
  text: string;
  blocks: readonly SlackBlock[];
}

function world(start = '2025-03-15T12:00:00Z') {
  let now = Date.parse(start);
  const histories = new Map<string, CompactHistory>();
  const secured = new Set<string>();
  const settings = new Map<string, StoredSlackAlertSettings>();
  const states = new Map<string, SlackAlertState>();
  /** KVS markers set only if absent (the expiry is the store's, and no test here outlives it). */
  const claims = new Set<string>();
  let pulls: PullRequestFacts[] = [];
  let unread = new Set<string>();
  const posted: Posted[] = [];
  const waits: number[] = [];
  const refusals: Array<ServiceRefusal | Error> = [];
  let failWriteAfterPost = false;
  let lastRun: SlackAlertRunRecord | null = null;
  const connection: SlackConnectionRecord = { channel: { id: 'C0FLOW', name: 'flow' } } as SlackConnectionRecord;

  const ports: SlackAlertRunPorts = {
    slack: {
      postMessage(_token, channel, text, blocks) {
        const refusal = refusals.shift();
        if (refusal) return Promise.reject(refusal);
        posted.push({ channel, text, blocks: blocks ?? [] });
        return Promise.resolve({ ts: `${posted.length}.000` });
      },
    },
    vault: { open: () => Promise.resolve('xoxb-test') },
    connection: { read: () => Promise.resolve(connection) },
    measured: { list: () => Promise.resolve([...histories.keys()]) },
    histories: {
      live: (projectKey) => {
        const history = histories.get(projectKey);
        return Promise.resolve(history ? { history, mayName: (issueKey: string) => !secured.has(issueKey) } : null);
      },
    },
    flowConfigs: { read: () => Promise.resolve({ ...DEFAULT_FLOW_CONFIG, workflow: BOARD_WORKFLOW }) },
    alertSettings: (projectKey) => ({ read: () => Promise.resolve(settings.get(projectKey) ?? null) }),
    alertState: (projectKey) => ({
      read: () => Promise.resolve(states.get(projectKey) ?? null),
      write: (state) => {
        // A crash right after Slack took the message: "posted" is never written.
        if (failWriteAfterPost && state.posting === null && state.lastPosted !== null && states.get(projectKey)?.posting)
          return Promise.reject(new Error('function stopped'));
        states.set(projectKey, structuredClone(state));
        return Promise.resolve();
      },
    }),
    alertRunClaim: (projectKey, hour) => ({
      claim: () => {
        const key = `${projectKey}:${hour}`;
        if (claims.has(key)) return Promise.resolve(false);
        claims.add(key);
        return Promise.resolve(true);
      },
      release: () => Promise.resolve(void claims.delete(`${projectKey}:${hour}`)),
    }),
    pullRequests: {
      linkedTo: (projectKey) => Promise.resolve(pulls.filter((pull) => pull.jiraKeys.some((key) => key.startsWith(`${projectKey}-`)))),
      notCurrent: () => Promise.resolve(new Set(unread)),
    },
    site: { read: () => Promise.resolve({ url: 'https://acme.atlassian.net', seenAt: start }) },
    lastRun: { read: () => Promise.resolve(lastRun), write: (value) => Promise.resolve(void (lastRun = structuredClone(value))) },
    pause: { wait: (ms) => Promise.resolve(void waits.push(ms)) },
    clock: { now: () => new Date(now) },
  };
  return {
    ports,
    lastRun: () => lastRun,
    posted,
    waits,
    refusals,
    states,
    claims,
    setHistory: (projectKey: string, issues: IssueSketch[]) => histories.set(projectKey, boardHistory(issues)),
    /** Gives an issue a security level: the channel may count it, never name it. */
    secure: (issueKey: string) => secured.add(issueKey),
    turnOn: (projectKey: string, value: Partial<StoredSlackAlertSettings> = { serviceLevel: true }) =>
      settings.set(projectKey, { ...ALERTS_OFF, ...value }),
    setPulls: (value: PullRequestFacts[]) => (pulls = value),
    /** Repositories whose reading is failing or stopped: their stored pull requests may be out of date. */
    setNotCurrent: (...repositories: string[]) => (unread = new Set(repositories)),
    advance: (ms: number) => (now += ms),
    crashAfterNextPost: () => (failWriteAfterPost = true),
    recover: () => (failWriteAfterPost = false),
  };
}

const keysIn = (message: Posted) => [...message.text.matchAll(/\b([A-Z]+-\d+) \(/g)].map((match) => match[1]);

describe('the Slack alerts run', () => {
  it('posts once when two runs for the same hour go at once, and lets the next run go on', async () => {
    const w = world();
    w.setHistory('ALPHA', [...FINISHED('ALPHA'), item('ALPHA-10', '2025-03-01')]);
    w.turnOn('ALPHA');
    const [first, second] = await Promise.all([runSlackAlerts(w.ports, null), runSlackAlerts(w.ports, null)]);
    expect(w.posted).toHaveLength(1);
    expect([...first.posted, ...second.posted]).toEqual(['ALPHA']);
    expect(w.claims.size).toBe(0);
    // A later item crossing is announced by the next run: the claim was let go.
    w.setHistory('ALPHA', [...FINISHED('ALPHA'), item('ALPHA-10', '2025-03-01'), item('ALPHA-11', '2025-03-05')]);
    await runSlackAlerts(w.ports, null);
    expect(w.posted.map(keysIn)).toEqual([['ALPHA-10'], ['ALPHA-11']]);
  });

  it('announces each item that passed the SLE once, with its stage and age, in one message per project', async () => {
    const w = world();
    w.setHistory('ALPHA', [
      ...FINISHED('ALPHA'),
      item('ALPHA-10', '2025-03-01'),
      item('ALPHA-11', '2025-03-05'),
      item('ALPHA-12', '2025-03-14'),
    ]);
    w.turnOn('ALPHA');
    expect(await runSlackAlerts(w.ports, null)).toEqual({ kind: 'done', posted: ['ALPHA'], unconfirmed: [], problem: null });
    expect(w.posted).toHaveLength(1);
    expect(w.posted[0]!.channel).toBe('C0FLOW');
    // 15 and 11 days in progress against 9: the 2-day item is well within it.
    expect(w.posted[0]!.text).toContain('2 items passed the SLE (85% of items finish within 9 days)');
    expect(keysIn(w.posted[0]!)).toEqual(['ALPHA-10', 'ALPHA-11']);
    expect(JSON.stringify(w.posted[0]!.blocks)).toContain(
      '<https://acme.atlassian.net/browse/ALPHA-10|ALPHA-10> in In Progress: 15 days in progress, SLE 9 days',
    );

    // An hour later nothing is new; a day later the third item is still within the SLE.
    w.advance(HOUR);
    await runSlackAlerts(w.ports, null);
    expect(w.posted).toHaveLength(1);
  });

  it('never names an item under issue security, in an SLE alert or beside a pull request', async () => {
    const w = world();
    w.setHistory('ALPHA', [...FINISHED('ALPHA'), item('ALPHA-10', '2025-03-01'), item('ALPHA-11', '2025-03-05')]);
    w.secure('ALPHA-10');
    w.turnOn('ALPHA');
    await runSlackAlerts(w.ports, null);
    expect(w.posted).toHaveLength(1);
    expect(keysIn(w.posted[0]!)).toEqual(['ALPHA-11']);
    expect(JSON.stringify(w.posted)).not.toContain('ALPHA-10');
  });

  it('announces an item again only after it left progress and crossed again', async () => {
    const w = world();
    const issues = [...FINISHED('ALPHA'), item('ALPHA-10', '2025-03-01')];
    w.setHistory('ALPHA', issues);
    w.turnOn('ALPHA');
    await runSlackAlerts(w.ports, null);
    expect(w.posted).toHaveLength(1);
    // Finished: forgotten. Reopened the next day: back in progress, past the SLE again, a new crossing.
    const finished = {
      ...item('ALPHA-10', '2025-03-01'),
      moves: [
        ['2025-03-01T10:00Z', 'In Progress'],
        ['2025-03-15T13:00Z', 'Done'],
      ],
    } as IssueSketch;
    w.setHistory('ALPHA', [...FINISHED('ALPHA'), finished]);
    w.advance(2 * HOUR);
    await runSlackAlerts(w.ports, null);
    expect(w.posted).toHaveLength(1);
    expect(w.states.get('ALPHA')!.items).toEqual({});
    const reopened = { ...finished, moves: [...finished.moves!, ['2025-03-16T10:00Z', 'In Progress']] } as IssueSketch;
    w.setHistory('ALPHA', [...FINISHED('ALPHA'), reopened]);
    w.advance(24 * HOUR);
    await runSlackAlerts(w.ports, null);
    expect(w.posted).toHaveLength(2);
    expect(keysIn(w.posted[1]!)).toEqual(['ALPHA-10']);
  });

  it('posts nothing for a project whose alerts are off', async () => {
    const w = world();
    w.setHistory('ALPHA', [...FINISHED('ALPHA'), item('ALPHA-10', '2025-03-01')]);
    expect(await runSlackAlerts(w.ports, null)).toMatchObject({ posted: [] });
    expect(w.posted).toEqual([]);
  });

  it('announces a pull request waiting longer than the threshold for its first review, once', async () => {
    const w = world();
    const now = Date.parse('2025-03-15T12:00:00Z');
    w.setHistory('ALPHA', [...FINISHED('ALPHA')]);
    w.turnOn('ALPHA', { reviewWait: { enabled: true, hours: 24 } });
    w.setPulls([
      pullRequest({ repository: 'acme/web', number: 7, jiraKeys: ['ALPHA-2', 'OTHER-1'], createdAt: now - 30 * HOUR }),
      pullRequest({ repository: 'acme/web', number: 8, jiraKeys: ['ALPHA-3'], createdAt: now - 20 * HOUR }),
      pullRequest({ repository: 'acme/api', number: 9, jiraKeys: ['ALPHA-4'], createdAt: now - 50 * HOUR, firstReviewAt: now - 40 * HOUR }),
      // A draft until 10 hours ago: it has waited 10 hours, not 40.
      pullRequest({
        repository: 'acme/api',
        number: 10,
        jiraKeys: ['ALPHA-5'],
        createdAt: now - 40 * HOUR,
        draftPeriods: [[now - 40 * HOUR, now - 10 * HOUR]],
      }),
    ]);
    await runSlackAlerts(w.ports, null);
    expect(w.posted).toHaveLength(1);
    expect(w.posted[0]!.text).toBe('Flow alerts for ALPHA\n1 pull request waiting more than 24 h for a first review: acme/web#7');
    expect(JSON.stringify(w.posted[0]!.blocks)).toContain(
      'acme/web#7: waiting 30 h for a first review (<https://acme.atlassian.net/browse/ALPHA-2|ALPHA-2>)',
    );
    w.advance(5 * HOUR);
    await runSlackAlerts(w.ports, null);
    // #8 has now waited 25 hours; #7 is not announced again.
    expect(w.posted).toHaveLength(2);
    expect(w.posted[1]!.text).toContain('acme/web#8');
    expect(w.posted[1]!.text).not.toContain('#7');
  });

  it('announces no pull request of a repository whose reading is failing, and nothing twice once it is read again', async () => {
    const w = world();
    const now = Date.parse('2025-03-15T12:00:00Z');
    w.setHistory('ALPHA', [...FINISHED('ALPHA')]);
    w.turnOn('ALPHA', { reviewWait: { enabled: true, hours: 24 } });
    w.setPulls([
      pullRequest({ repository: 'acme/web', number: 7, jiraKeys: ['ALPHA-2'], createdAt: now - 30 * HOUR }),
      pullRequest({ repository: 'acme/api', number: 8, jiraKeys: ['ALPHA-3'], createdAt: now - 40 * HOUR }),
    ]);
    // acme/api has been failing: #8 may well have been reviewed since it was last read.
    w.setNotCurrent('acme/api');
    await runSlackAlerts(w.ports, null);
    expect(w.posted.map((message) => message.text)).toEqual([
      'Flow alerts for ALPHA\n1 pull request waiting more than 24 h for a first review: acme/web#7',
    ]);
    // Now acme/web fails too: #7, already announced, stays announced; nothing new is posted.
    w.advance(HOUR);
    w.setNotCurrent('acme/api', 'acme/web');
    await runSlackAlerts(w.ports, null);
    expect(w.posted).toHaveLength(1);
    // Both are read again and #8 still waits: it is announced now, and #7 is not announced a second time.
    w.advance(HOUR);
    w.setNotCurrent();
    await runSlackAlerts(w.ports, null);
    expect(w.posted.map((message) => message.text)).toEqual([
      'Flow alerts for ALPHA\n1 pull request waiting more than 24 h for a first review: acme/web#7',
      'Flow alerts for ALPHA\n1 pull request waiting more than 24 h for a first review: acme/api#8',
    ]);
  });

  it('posts one message per project, a second apart, into the one channel', async () => {
    const w = world();
    for (const projectKey of ['ALPHA', 'BETA', 'GAMMA']) {
      w.setHistory(projectKey, [...FINISHED(projectKey), item(`${projectKey}-10`, '2025-03-01'), item(`${projectKey}-11`, '2025-03-02')]);
      w.turnOn(projectKey);
    }
    expect(await runSlackAlerts(w.ports, null)).toMatchObject({ posted: ['ALPHA', 'BETA', 'GAMMA'] });
    expect(w.posted.map(keysIn)).toEqual([
      ['ALPHA-10', 'ALPHA-11'],
      ['BETA-10', 'BETA-11'],
      ['GAMMA-10', 'GAMMA-11'],
    ]);
    expect(w.waits).toEqual([1000, 1000]);
  });

  it('stops at a 429 and answers where to continue and after how long; continuing posts each message once', async () => {
    const w = world();
    for (const projectKey of ['ALPHA', 'BETA']) {
      w.setHistory(projectKey, [...FINISHED(projectKey), item(`${projectKey}-10`, '2025-03-01')]);
      w.turnOn(projectKey);
    }
    // ALPHA goes out; BETA is refused with Retry-After: 30.
    const slack = w.ports.slack.postMessage.bind(w.ports.slack);
    let calls = 0;
    w.ports.slack.postMessage = async (...args) => {
      if (++calls === 2) throw new ServiceRefusal('Slack', 'rate-limited', '30');
      return slack(...args);
    };
    expect(await runSlackAlerts(w.ports, null)).toEqual({
      kind: 'continue',
      fromProject: 'BETA',
      delaySeconds: 30,
      posted: ['ALPHA'],
      unconfirmed: [],
    });
    expect(w.states.get('BETA')).toMatchObject({ items: {}, posting: null });
    expect(await runSlackAlerts(w.ports, 'BETA')).toMatchObject({ kind: 'done', posted: ['BETA'] });
    expect(w.posted.map(keysIn)).toEqual([['ALPHA-10'], ['BETA-10']]);
  });

  it('never posts twice after stopping between posting and writing that it posted (at most once)', async () => {
    const w = world();
    w.setHistory('ALPHA', [...FINISHED('ALPHA'), item('ALPHA-10', '2025-03-01')]);
    w.turnOn('ALPHA');
    w.crashAfterNextPost();
    await expect(runSlackAlerts(w.ports, null)).rejects.toThrow('function stopped');
    expect(w.posted).toHaveLength(1);
    expect(w.states.get('ALPHA')!.posting).toMatchObject({ items: ['ALPHA-10'], pulls: [] });
    w.recover();
    // The queue delivers the job again: the message written down as about to go is taken as delivered.
    expect(await runSlackAlerts(w.ports, null)).toEqual({ kind: 'done', posted: [], unconfirmed: ['ALPHA'], problem: null });
    expect(w.posted).toHaveLength(1);
    expect(w.states.get('ALPHA')).toMatchObject({ items: { 'ALPHA-10': expect.any(Number) as unknown }, posting: null });
    await runSlackAlerts(w.ports, null);
    expect(w.posted).toHaveLength(1);
  });

  it('does not post again when Slack failed without saying whether it took the message', async () => {
    const w = world();
    w.setHistory('ALPHA', [...FINISHED('ALPHA'), item('ALPHA-10', '2025-03-01')]);
    w.turnOn('ALPHA');
    w.refusals.push(new ServiceRefusal('Slack', 'unavailable', 'HTTP 503'));
    expect(await runSlackAlerts(w.ports, null)).toMatchObject({
      kind: 'done',
      unconfirmed: ['ALPHA'],
      problem: expect.stringContaining('may not have been delivered') as unknown,
    });
    await runSlackAlerts(w.ports, null);
    expect(w.posted).toHaveLength(0);
  });

  it("takes an answer with Slack's own error code as a refusal, not as a message that may have gone", async () => {
    const w = world();
    w.setHistory('ALPHA', [...FINISHED('ALPHA'), item('ALPHA-10', '2025-03-01')]);
    w.turnOn('ALPHA');
    w.refusals.push(new ServiceRefusal('Slack', 'unavailable', 'invalid_blocks'));
    expect(await runSlackAlerts(w.ports, null)).toMatchObject({
      kind: 'done',
      unconfirmed: [],
      problem: 'Slack refused the alerts (invalid_blocks).',
    });
    await runSlackAlerts(w.ports, null);
    expect(w.posted.map(keysIn)).toEqual([['ALPHA-10']]);
  });

  it('keeps the announcements for later when Slack refuses the message for a reason it names', async () => {
    const w = world();
    w.setHistory('ALPHA', [...FINISHED('ALPHA'), item('ALPHA-10', '2025-03-01')]);
    w.turnOn('ALPHA');
    w.refusals.push(new ServiceRefusal('Slack', 'not-in-channel'));
    expect(await runSlackAlerts(w.ports, null)).toMatchObject({
      kind: 'done',
      posted: [],
      problem: 'The bot is not in #flow: invite it (/invite) for alerts to be posted.',
    });
    await runSlackAlerts(w.ports, null);
    expect(w.posted.map(keysIn)).toEqual([['ALPHA-10']]);
  });

  it("posts each project's alerts to its own channel, and the others' to the digest's", async () => {
    const w = world();
    for (const projectKey of ['ALPHA', 'BETA', 'GAMMA']) {
      w.setHistory(projectKey, [...FINISHED(projectKey), item(`${projectKey}-10`, '2025-03-01')]);
    }
    w.turnOn('ALPHA', { serviceLevel: true, channel: { id: 'C0ALPHA', name: 'alpha-team', isPrivate: false, isMember: true } });
    w.turnOn('BETA', { serviceLevel: true, channel: { id: 'G0BETA', name: 'beta-team', isPrivate: true, isMember: true } });
    w.turnOn('GAMMA');
    expect(await runSlackAlerts(w.ports, null)).toMatchObject({ kind: 'done', posted: ['ALPHA', 'BETA', 'GAMMA'] });
    expect(w.posted.map((message) => [message.channel, keysIn(message)])).toEqual([
      ['C0ALPHA', ['ALPHA-10']],
      ['G0BETA', ['BETA-10']],
      ['C0FLOW', ['GAMMA-10']],
    ]);
    expect(w.lastRun()).toEqual({ lastRunAt: '2025-03-15T12:00:00.000Z', lastProblem: null });
  });

  it("a channel Slack refuses stops only its project's alerts, and the problem is kept in words", async () => {
    const w = world();
    for (const projectKey of ['ALPHA', 'BETA']) w.setHistory(projectKey, [...FINISHED(projectKey), item(`${projectKey}-10`, '2025-03-01')]);
    w.turnOn('ALPHA', { serviceLevel: true, channel: { id: 'C0GONE', name: 'old-team', isPrivate: false, isMember: true } });
    w.turnOn('BETA');
    w.refusals.push(new ServiceRefusal('Slack', 'channel-not-found'));
    expect(await runSlackAlerts(w.ports, null)).toMatchObject({
      kind: 'done',
      posted: ['BETA'],
      problem: 'Slack cannot find #old-team for this bot. For a private channel, invite the bot; or choose another channel.',
    });
    expect(w.posted.map(keysIn)).toEqual([['BETA-10']]);
    expect(w.states.get('ALPHA')).toMatchObject({
      items: {},
      posting: null,
      lastProblem: { at: '2025-03-15T12:00:00.000Z', kind: 'channel-not-found', text: expect.stringContaining('#old-team') as unknown },
    });
    // A revoked token stops the run, and is kept as the run's problem: no project can post.
    w.advance(HOUR);
    w.refusals.push(new ServiceRefusal('Slack', 'unauthorized'));
    expect(await runSlackAlerts(w.ports, null)).toMatchObject({ kind: 'done', posted: [] });
    expect(w.lastRun()).toEqual({
      lastRunAt: '2025-03-15T13:00:00.000Z',
      lastProblem: {
        at: '2025-03-15T13:00:00.000Z',
        kind: 'token-revoked',
        text: 'Slack no longer accepts the stored bot token (it was revoked, or the app was removed). Replace it.',
      },
    });
  });

  it("keeps Slack's rate limit as the project's last problem, and when the alerts then posted", async () => {
    const w = world();
    w.setHistory('ALPHA', [...FINISHED('ALPHA'), item('ALPHA-10', '2025-03-01')]);
    w.turnOn('ALPHA');
    w.refusals.push(new ServiceRefusal('Slack', 'rate-limited', '30'));
    expect(await runSlackAlerts(w.ports, null)).toMatchObject({ kind: 'continue', fromProject: 'ALPHA', delaySeconds: 30 });
    w.advance(30_000);
    expect(await runSlackAlerts(w.ports, 'ALPHA')).toMatchObject({ kind: 'done', posted: ['ALPHA'] });
    expect(w.states.get('ALPHA')).toMatchObject({
      lastPosted: { at: '2025-03-15T12:00:30.000Z' },
      lastProblem: {
        at: '2025-03-15T12:00:00.000Z',
        kind: 'rate-limited',
        text: 'Slack rate limited the alerts of ALPHA and asked to wait 30 s; they continued after that.',
      },
    });
  });

  it('continues from the next project when the run has used its time', async () => {
    const w = world();
    for (const projectKey of ['ALPHA', 'BETA']) {
      w.setHistory(projectKey, [...FINISHED(projectKey), item(`${projectKey}-10`, '2025-03-01')]);
      w.turnOn(projectKey);
    }
    const slack = w.ports.slack.postMessage.bind(w.ports.slack);
    w.ports.slack.postMessage = async (...args) => {
      w.advance(45_000);
      return slack(...args);
    };
    expect(await runSlackAlerts(w.ports, null)).toMatchObject({
      kind: 'continue',
      fromProject: 'BETA',
      delaySeconds: 0,
      posted: ['ALPHA'],
    });
  });
});
