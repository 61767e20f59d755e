import { SyncHarness } from '../../dev/testing/local-sync-harness';

/**
 * The `issue-changed` trigger on the local platform. An event whose issue id is not one Jira could have sent
 * (a leading zero, or zero itself) is ignored with a log line, rather than failing the invocation when the
 * JQL writer refuses the id.
 */
const harness = new SyncHarness();
beforeAll(async () => {
  await harness.measure('FLOW');
  await harness.runScheduledSync();
});
afterAll(() => harness.close());

const event = (id: string) => ({
  eventType: 'avi:jira:updated:issue',
  atlassianId: harness.user('member'),
  issue: { id, key: 'FLOW-1', fields: { project: { key: 'FLOW' } } },
  changelog: { items: [{ field: 'status', fieldId: 'status' }] },
});

const jiraRequests = async () => (await harness.stats()).total;
const logLines = () => harness.platform.logs.all().map((entry) => entry.message);

it.each(['0', '007', '0123456789'])('ignores an event for issue id %p with a log line, asking Jira nothing', async (id) => {
  await harness.resetStats();
  const linesBefore = logLines().length;
  await expect(harness.platform.deliverProductEvent(event(id))).resolves.toBe(1);
  expect(await jiraRequests()).toBe(0);
  // One line, naming the field and never the value the sender put in it.
  expect(logLines().slice(linesBefore)).toEqual(['[issue-changed] ignored an event that is not a Jira issue event: issue.id']);
});

it('applies an event for a real issue id, so the refusals above are the schema', async () => {
  const issue = (await harness.jira<Array<{ id: string }>>('GET', '/__jira/export?project=FLOW&maxResults=1')).body[0]!;
  await harness.resetStats();
  await expect(harness.platform.deliverProductEvent(event(issue.id))).resolves.toBe(1);
  expect(await jiraRequests()).toBeGreaterThan(0);
  expect(logLines().filter((line) => line.includes('[issue-changed] avi:jira:updated:issue in FLOW'))).toHaveLength(1);
});
