import type { LocalSite } from '../local-site';
import { STATUSES } from '../jira/catalogue';
import { securityLevel } from '../jira/issue-security';
import { userWithRole } from '../testing/open-host-page';

/**
 * What Jira says about a project's issues, read through the simulated site's export (every issue with its whole
 * changelog): the ground truth end-to-end tests hold the page's figures against. Nothing here uses the app's
 * code; the measures built on it (in the tests) follow the page's documented default conventions.
 */
export interface ExportedIssue {
  key: string;
  type: string;
  /** The category of the status the issue is in now. */
  category: StatusCategory;
  /** The status it is in now. */
  status: string;
  /** Epoch milliseconds. */
  created: number;
  /** UTC day (`YYYY-MM-DD`) of the resolution, for resolved issues. */
  resolvedDay: string | null;
  /** The key of the issue it is filed under (an epic), if any. */
  parent: string | null;
  /** The names of the components it is filed under. */
  components: string[];
  labels: string[];
  /** The name of its resolution; null when unresolved. */
  resolution: string | null;
  /** The status the issue was created in. */
  initialStatus: string;
  /** Each status change, oldest first: when (epoch ms) and the status entered. */
  moves: Array<{ at: number; to: string }>;
  /** Each change of Jira Software's Flagged field, oldest first: when, and whether the issue was flagged by it. */
  flags: Array<{ at: number; on: boolean }>;
}

type StatusCategory = 'new' | 'indeterminate' | 'done';

/** The simulated site's status categories by status name, from its own catalogue. */
const CATEGORY_OF = new Map(STATUSES.map((status) => [status.name, status.category as StatusCategory]));

function categoryOf(status: string): StatusCategory {
  const category = CATEGORY_OF.get(status);
  if (category === undefined) throw new Error(`The simulated site has no status "${status}"`);
  return category;
}

interface ExportedJson {
  key: string;
  fields: {
    issuetype: { name: string };
    status: { name: string; statusCategory: { key: StatusCategory } };
    created: string;
    resolutiondate: string | null;
    parent?: { key: string } | null;
    components: Array<{ name: string }>;
    labels: string[];
    resolution: { name: string } | null;
    security: { id: string } | null;
  };
  changelog?: {
    histories: Array<{ created: string; items: Array<{ field: string; fromString: string | null; toString: string | null }> }>;
  };
}

/**
 * Every issue of the project, as the site's export has it: read as the app, which sees every security level, or
 * as the demo user of the role given, who sees only the issues at no level or at a level that admits them (by the
 * site's own issue security scheme).
 */
export async function exportedIssues(site: LocalSite, projectKey: string, viewer?: 'member' | 'outsider'): Promise<ExportedIssue[]> {
  const as = viewer === undefined ? '' : `&as=user:${encodeURIComponent(userWithRole(site, viewer).accountId)}`;
  const response = await fetch(
    `${site.jiraUrl}/__jira/export?project=${projectKey}&fields=issuetype,status,created,resolutiondate,parent,components,labels,resolution,security${as}`,
  );
  if (!response.ok) throw new Error(`The simulated site's export failed: ${response.status}`);
  const exported = (await response.json()) as ExportedJson[];
  const visible = exported.filter(({ fields }) => viewer === undefined || fields.security === null || admits(fields.security.id, viewer));
  return visible.map(({ key, fields, changelog }) => {
    const changes = (changelog?.histories ?? [])
      .flatMap((history) => history.items.map((item) => ({ at: Date.parse(history.created), ...item })))
      .sort((a, b) => a.at - b.at);
    const statusChanges = changes.filter((change) => change.field === 'status');
    return {
      key,
      type: fields.issuetype.name,
      category: fields.status.statusCategory.key,
      status: fields.status.name,
      created: Date.parse(fields.created),
      resolvedDay: fields.resolutiondate ? fields.resolutiondate.slice(0, 10) : null,
      parent: fields.parent?.key ?? null,
      components: fields.components.map((component) => component.name),
      labels: fields.labels,
      resolution: fields.resolution?.name ?? null,
      initialStatus: String(statusChanges[0]?.fromString ?? fields.status.name),
      moves: statusChanges.map((change) => ({ at: change.at, to: String(change.toString) })),
      // Jira writes the flag's option ("Impediment") when set, and nothing when cleared.
      flags: changes.filter((change) => change.field === 'Flagged').map((change) => ({ at: change.at, on: Boolean(change.toString) })),
    };
  });
}

/** Whether the site's issue security level admits the people of this role. */
function admits(levelId: string, role: 'member' | 'outsider'): boolean {
  const level = securityLevel(levelId);
  if (level === undefined) throw new Error(`The simulated site has no security level ${levelId}`);
  return level.roles.includes(role);
}

/** A stay of the issue in one status: from when it entered to when it left (Infinity while it is there). */
export interface StatusVisit {
  status: string;
  category: StatusCategory;
  from: number;
  until: number;
}

/** The issue's stays in each status, from its creation on, in time order. */
export function statusVisits(issue: ExportedIssue): StatusVisit[] {
  const entries = [{ at: issue.created, to: issue.initialStatus }, ...issue.moves];
  return entries.map((entry, k) => ({
    status: entry.to,
    category: categoryOf(entry.to),
    from: entry.at,
    until: entries[k + 1]?.at ?? Number.POSITIVE_INFINITY,
  }));
}

/** The flagged intervals of an issue, [from, to), the last one open (Infinity) when the flag is still set. */
export function flaggedIntervals(issue: ExportedIssue): Array<{ from: number; to: number }> {
  const intervals: Array<{ from: number; to: number }> = [];
  let since: number | null = null;
  for (const flag of issue.flags) {
    if (flag.on && since === null) since = flag.at;
    else if (!flag.on && since !== null) {
      intervals.push({ from: since, to: flag.at });
      since = null;
    }
  }
  if (since !== null) intervals.push({ from: since, to: Number.POSITIVE_INFINITY });
  return intervals;
}
