import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isProjectKey } from '../app/project-key';
import { logJob } from '../app/job-log';
import { applyIssueChange, type IssueChangeOutcome } from '../app/sync/issue-change';
import { licenceFromContext } from './installation-licence-context';
import { syncPorts } from './sync-wiring';
import { appAdapters } from './composition-root';

const issueEventShape = z.object({
  eventType: z.string(),
  issue: z.object({
    // Jira's issue ids: no leading zero (JQL is never written with anything else, see src/adapters/jira/jql.ts).
    id: z.string().regex(/^[1-9][0-9]{0,14}$/),
    key: z.string(),
    fields: z.object({ project: z.object({ key: z.string() }) }),
  }),
  changelog: z.object({ items: z.array(z.object({ field: z.string().optional(), fieldId: z.string().optional() })) }).optional(),
});

/**
 * Trigger `issue-changed` (issue created, updated or deleted). Only changes in measured projects matter;
 * everything else is ignored at once, since every issue edit on the site wakes this function. A relevant
 * change is applied to the project's stored history (src/app/sync/issue-change.ts).
 */
export async function issueEvent(
  event: unknown,
  context?: unknown,
): Promise<{ relevant: boolean; outcome: IssueChangeOutcome | 'not-measured' | 'licence-inactive' }> {
  // Every issue edit on the site wakes this function: while the licence is inactive it reads nothing, and
  // logs nothing either (one line per edit would be all the app's log allowance).
  if (!licenceFromContext(context).active) return { relevant: false, outcome: 'licence-inactive' };
  const parsed = issueEventShape.safeParse(event);
  if (!parsed.success) {
    // Said without echoing the event: its values are whatever the sender put there.
    logJob(
      'issue-changed',
      `ignored an event that is not a Jira issue event: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`,
    );
    return { relevant: false, outcome: 'irrelevant' };
  }
  const { eventType, issue, changelog } = parsed.data;
  const projectKey = issue.fields.project.key;
  const adapters = appAdapters();
  const erasure = await adapters.erasures.current();
  if (!isProjectKey(projectKey) || !(await adapters.measured.list()).includes(projectKey)) {
    return { relevant: false, outcome: 'not-measured' };
  }
  const deleted = eventType === 'avi:jira:deleted:issue';
  const changedFields = eventType.includes(':created:')
    ? null
    : (changelog?.items ?? []).flatMap((item) => [item.field, item.fieldId]).filter((name): name is string => typeof name === 'string');
  const outcome = await applyIssueChange(
    syncPorts(adapters),
    { projectKey, issueId: issue.id, changedFields, deleted, erasure },
    `issue-event:${randomUUID()}`,
  );
  logJob('issue-changed', `${eventType} in ${projectKey}: ${outcome}`);
  return { relevant: true, outcome };
}
