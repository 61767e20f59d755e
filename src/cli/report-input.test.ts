/**
 * The command reads an export as a stream, building only the members the engine reads. These tests hold it
 * to the plain way of reading the same file: `JSON.parse` of all of it, each issue given whole to the same
 * builders. Exports come from the local Jira site's search (every field, names, the whole changelog), so
 * they hold what a real one does: descriptions, comments, worklogs, changes of every field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, q, TEST_ANCHOR, type SearchPageJson } from '../../dev/jira/site-test-kit';
import { createJiraSite } from '../../dev/jira/jira-site';
import {
  DEFAULT_FLOW_CONFIG,
  facetsOfJiraIssue,
  IssueFacetsBuilder,
  JiraHistoryBuilder,
  JiraHistoryError,
  type FlowConfig,
} from '../domain';
import { CliInputError } from './cli-error';
import { readFlowConfig } from './config-input';
import { readIssues } from './report-input';

/** The export read the plain way: parsed whole, every issue handed whole to the builders. */
function readWhole(text: string, config: FlowConfig) {
  const parsed = JSON.parse(text) as unknown[] | { issues: unknown[] };
  const builder = new JiraHistoryBuilder({ statuses: config.statuses, flaggedFieldIds: config.flaggedFieldIds });
  const facets = new IssueFacetsBuilder();
  (Array.isArray(parsed) ? parsed : parsed.issues).forEach((issue, position) => {
    builder.addSearchIssue(issue, position);
    facets.add(facetsOfJiraIssue((issue as { fields?: Record<string, unknown> }).fields));
  });
  return { history: { ...builder.build(), facets: facets.build() }, warnings: builder.warnings };
}

/** The export as the command reads it, in pieces of `size` bytes. */
function readStreamed(text: string, config: FlowConfig, size: number) {
  const bytes = Buffer.from(text);
  const pieces = Array.from({ length: Math.ceil(bytes.length / size) }, (_, k) => bytes.subarray(k * size, (k + 1) * size));
  const { history, warnings } = readIssues(pieces, 'issues.json', config, (error) => error as Error);
  return { history, warnings };
}

const FIXTURES = join(__dirname, 'fixtures');
const workflowReading = readFlowConfig(readFileSync(join(FIXTURES, 'workflow.json'), 'utf8'), 'workflow.json');
if ('problem' in workflowReading) throw new Error(workflowReading.problem);
const workflow = workflowReading.config;

/** Every issue of a project with all it has, as the search pages of `fields=*all&expand=changelog,renderedFields,names`. */
async function exportedPages(projectKey: string, maxPages: number): Promise<SearchPageJson[]> {
  const site = createJiraSite({ now: TEST_ANCHOR });
  const pages: SearchPageJson[] = [];
  let token: string | undefined;
  do {
    const path =
      `/rest/api/3/search/jql?jql=${q(`project = ${projectKey} ORDER BY key`)}&fields=*all&expand=changelog,renderedFields,names` +
      (token === undefined ? '' : `&nextPageToken=${q(token)}`);
    const page = (await call<SearchPageJson>(site, 'app', 'GET', path)).body;
    pages.push(page);
    token = page.nextPageToken;
  } while (token !== undefined && pages.length < maxPages);
  return pages;
}

describe('reading an export as a stream', () => {
  let exports: Array<[string, string]>;
  beforeAll(async () => {
    exports = [['fixtures/issues.json', readFileSync(join(FIXTURES, 'issues.json'), 'utf8')]];
    for (const project of ['FLOW', 'SPR', 'BUG']) {
      const pages = await exportedPages(project, 3);
      // One page object as search answers it, and all pages' issues as one array, indented as tools write it.
      exports.push([`${project}, first page`, JSON.stringify(pages[0])]);
      exports.push([
        `${project}, all pages`,
        JSON.stringify(
          pages.flatMap((page) => page.issues),
          null,
          2,
        ),
      ]);
    }
  }, 60_000);

  it('compacts the demo exports exactly as parsing them whole does, whatever the piece size', () => {
    for (const [name, text] of exports) {
      for (const config of [DEFAULT_FLOW_CONFIG, workflow]) {
        const whole = readWhole(text, config);
        expect(whole.history.key.length).toBeGreaterThan(0);
        for (const size of [1 << 20, 4096, 333]) expect({ name, ...readStreamed(text, config, size) }).toEqual({ name, ...whole });
      }
    }
  });

  it('the exports hold what the stream skips: descriptions, comments, worklogs, other fields changed', () => {
    const text = exports.find(([name]) => name === 'FLOW, all pages')![1];
    for (const field of ['"description"', '"comment"', '"worklog"', '"names"']) expect(text + exports[1]![1]).toContain(field);
    expect(text).toMatch(/"fieldId": "(assignee|priority|labels|resolution)"/);
  });

  it("words a bad issue's message from the issue as the file holds it, not from the members kept", () => {
    // The members kept of this status would be only its category: the message shows the status as it is.
    const status = { self: 'https://x/status/1', description: 'neither id nor name', statusCategory: { key: 'new' } };
    const issue = { id: '1', key: 'A-1', fields: { issuetype: { name: 'Task' }, status, created: '2025-01-01T00:00:00.000+0000' } };
    const text = JSON.stringify([{ ...issue, changelog: { histories: [] } }]);
    let expected: JiraHistoryError | undefined;
    try {
      readWhole(text, DEFAULT_FLOW_CONFIG);
    } catch (error) {
      expected = error as JiraHistoryError;
    }
    expect(expected?.message).toContain('got {"self":"https://x/status/1"');
    expect(() => readStreamed(text, DEFAULT_FLOW_CONFIG, 7)).toThrow(new CliInputError(`issues.json: ${expected!.message}`));
  });
});
