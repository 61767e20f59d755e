import path from 'node:path';
import { startLocalSite, type LocalSite } from '../local-site';
import { ISSUE_NOT_VISIBLE } from './issue-page';

/**
 * The host's issue page, `/browse/<KEY>`, read as the person in `?as=`. What it shows is checked against the
 * simulated site's own export of the project (another path through Jira than the REST calls the page makes).
 */
let site: LocalSite;

beforeAll(async () => {
  site = await startLocalSite({ rootDir: path.resolve(__dirname, '../..'), port: 0, dataDir: null });
});

afterAll(async () => {
  await site?.close();
});

interface ExportedIssue {
  key: string;
  fields: { summary: string; created: string; issuetype: { name: string }; status: { name: string } };
  changelog: {
    histories: Array<{
      created: string;
      author?: { displayName: string };
      items: Array<{ fieldId: string; fromString: string; toString: string }>;
    }>;
  };
}

async function exported(projectKey: string): Promise<ExportedIssue[]> {
  const response = await fetch(`${site.jiraUrl}/__jira/export?project=${projectKey}&fields=summary,created,issuetype,status`);
  if (!response.ok) throw new Error(`The export failed: ${response.status}`);
  return (await response.json()) as ExportedIssue[];
}

/** The issue of the project whose status moved most often: the richest history to compare. */
async function mostMovedIssue(projectKey: string): Promise<ExportedIssue> {
  const moves = (issue: ExportedIssue) => statusMoves(issue).length;
  return (await exported(projectKey)).reduce((most, issue) => (moves(issue) > moves(most) ? issue : most));
}

const statusMoves = (issue: ExportedIssue) =>
  issue.changelog.histories.flatMap((history) =>
    history.items
      .filter((item) => item.fieldId === 'status')
      .map((item) => [item.fromString, item.toString, history.author?.displayName ?? '']),
  );

const role = (name: string) => site.users.find((user) => user.role === name)!;

async function browse(key: string, as: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${site.hostUrl}/browse/${key}?as=${encodeURIComponent(role(as).accountId)}`);
  return { status: response.status, html: await response.text() };
}

/** The text of the element with this test id (the page's markup is the host's own, one element per id). */
function textOf(html: string, testId: string): string {
  const match = new RegExp(`data-testid="${testId}"[^>]*>([\\s\\S]*?)</(dd|span|p|h1)>`).exec(html);
  if (!match) throw new Error(`The page has no ${testId}`);
  return plainText(match[1]!);
}

const plainText = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[entity]!)
    .trim();

/** The status history table's rows as [from, to, by], and the `datetime` of each row's time. */
function historyRows(html: string): { moves: string[][]; times: string[] } {
  const table = /<table data-testid="status-history">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) => cell[1]!),
  );
  return {
    moves: rows.map((cells) => cells.slice(1).map(plainText)),
    times: rows.map((cells) => /datetime="([^"]+)"/.exec(cells[0]!)?.[1] ?? ''),
  };
}

const isoOf = (jiraTime: string) => new Date(jiraTime.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')).toISOString();

describe('the issue page', () => {
  it('shows a member the issue as Jira has it, with its status history from the changelog', async () => {
    const issue = await mostMovedIssue('FLOW');
    expect(statusMoves(issue).length).toBeGreaterThan(2);
    const { status, html } = await browse(issue.key, 'member');
    expect(status).toBe(200);
    expect(textOf(html, 'issue-key')).toBe(issue.key);
    expect(textOf(html, 'issue-summary')).toBe(issue.fields.summary);
    expect(textOf(html, 'issue-type')).toBe(issue.fields.issuetype.name);
    expect(textOf(html, 'issue-status')).toBe(issue.fields.status.name);
    expect(html).toContain(`<dd data-testid="issue-created"><time datetime="${isoOf(issue.fields.created)}">`);
    const rows = historyRows(html);
    expect(rows.moves).toEqual(statusMoves(issue));
    const changedAt = issue.changelog.histories
      .filter((history) => history.items.some((item) => item.fieldId === 'status'))
      .map((history) => isoOf(history.created));
    expect(rows.times).toEqual(changedAt);
    expect(html).toContain('href="/projects/FLOW/flow-metrics"');
  });

  it('is the host page around it, with no inline script', async () => {
    const issue = await mostMovedIssue('SPR');
    const { html } = await browse(issue.key, 'member');
    expect(html).toContain('<link rel="stylesheet" href="/__host/host.css">');
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts).toEqual(['<script src="/__host/host.js" defer>']);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/href="javascript:/i);
  });

  it('tells an outsider, with a 404, that they cannot view an issue of a project they cannot browse', async () => {
    const hidden = (await exported('BUG'))[0]!;
    const { status, html } = await browse(hidden.key, 'outsider');
    expect(status).toBe(404);
    expect(html).toContain(ISSUE_NOT_VISIBLE.replace(/'/g, '&#39;'));
    expect(html).not.toContain(hidden.fields.summary);
    expect(html).not.toContain('data-testid="issue"');
    // The project is hidden from them, not the page broken: the member sees it, the outsider sees FLOW's.
    expect((await browse(hidden.key, 'member')).status).toBe(200);
    expect((await browse((await exported('FLOW'))[0]!.key, 'outsider')).status).toBe(200);
  });

  it('answers 404 for an issue that does not exist', async () => {
    const { status, html } = await browse('FLOW-999999', 'admin');
    expect(status).toBe(404);
    expect(html).toContain('data-testid="issue-not-visible"');
  });
});
