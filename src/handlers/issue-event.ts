import { z } from 'zod';
import { KvsMeasuredProjects } from '../adapters/kvs/kvs-measured-projects';
import { logJob } from '../app/job-log';

const issueEventShape = z.object({
  eventType: z.string(),
  issue: z.object({ id: z.string(), key: z.string(), fields: z.object({ project: z.object({ key: z.string() }) }) }),
});

/**
 * Trigger `issue-changed` (issue created or updated). Only changes in measured projects matter; everything
 * else is ignored at once, since every issue edit on the site wakes this function.
 */
export async function issueEvent(event: unknown): Promise<{ relevant: boolean }> {
  const parsed = issueEventShape.safeParse(event);
  if (!parsed.success) return { relevant: false };
  const projectKey = parsed.data.issue.fields.project.key;
  const relevant = (await new KvsMeasuredProjects().list()).includes(projectKey);
  if (relevant) logJob('issue-changed', `${parsed.data.eventType} in ${projectKey}`);
  return { relevant };
}
