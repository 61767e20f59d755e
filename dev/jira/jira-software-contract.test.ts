import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@jest/globals';
import { JiraProjectBoards } from '../../src/adapters/jira/jira-project-boards';
import type { RequestJira } from '../../src/adapters/jira/jira-request';
import { createJiraSite, type JiraSite } from './jira-site';
import { JIRA_SOFTWARE_DESCRIPTION, OpenApiContract } from './openapi-contract';
import { TEST_ANCHOR, call, demoUser, type Caller } from './site-test-kit';

/**
 * The simulated Jira Software boards, checked against Atlassian's published Jira Software description
 * (dev/contracts/jira-software.subset.openapi.json): the site's answers to several requests per operation, and
 * every request the app's board reader makes. One difference is pinned below, with the reason.
 */
const contract = new OpenApiContract(JIRA_SOFTWARE_DESCRIPTION);
const BOARDS = '/rest/agile/1.0/board';
const CONFIGURATION = '/rest/agile/1.0/board/{boardId}/configuration';

interface BoardPageJson {
  isLast: boolean;
  values: Array<{ id: number; name: string }>;
}
interface BoardConfigJson {
  location: Record<string, unknown>;
}

let site: JiraSite;
beforeAll(() => {
  site = createJiraSite({ now: TEST_ANCHOR });
});

/** The answer's body, once its status is the one expected and it has conformed to the operation's schema. */
async function expectConforms<T>(caller: Caller, path: string, template: string): Promise<T> {
  const answer = await call<T>(site, caller, 'GET', path);
  expect({ path, status: answer.status }).toEqual({ path, status: 200 });
  expect(contract.errors('GET', template, 200, answer.body)).toEqual([]);
  return answer.body;
}

describe("a project's boards", () => {
  it.each([
    ['member', 'projectKeyOrId=FLOW', 2],
    ['member', 'projectKeyOrId=10000&startAt=1&maxResults=1', 1],
    ['member', 'projectKeyOrId=SPR&startAt=0&maxResults=50', 1],
    ['admin', 'projectKeyOrId=BUG', 0],
    ['app', '', 3],
    ['outsider', 'type=scrum', 1],
  ] as const)('the page the %s gets for "%s" conforms', async (caller, query, boards) => {
    const body = await expectConforms<BoardPageJson>(caller, `${BOARDS}${query ? `?${query}` : ''}`, BOARDS);
    expect(body.values).toHaveLength(boards);
  });

  it('refusals answer with statuses the description lists, which gives them no body schema', async () => {
    expect((await call(site, 'outsider', 'GET', `${BOARDS}?projectKeyOrId=BUG`)).status).toBe(400);
    expect(contract.hasSchema('GET', BOARDS, 400)).toBe(false);
    expect((await call(site, 'member', 'GET', '/rest/agile/1.0/board/999/configuration')).status).toBe(404);
    expect(contract.hasSchema('GET', CONFIGURATION, 404)).toBe(false);
  });
});

describe("a board's configuration", () => {
  /** The configuration's example in the description: Atlassian's own record of an answer. */
  const documentedExample = (): BoardConfigJson => {
    const description = JSON.parse(readFileSync(JIRA_SOFTWARE_DESCRIPTION, 'utf8')) as {
      paths: Record<string, { get: { responses: { 200: { content: { 'application/json': { example: string } } } } } }>;
    };
    return JSON.parse(description.paths[CONFIGURATION]!.get.responses[200].content['application/json'].example) as BoardConfigJson;
  };

  it('departs from the schema in one documented way: its location is the one Jira answers, not the one the schema names', async () => {
    // BoardConfigBean's `location` schema lists only `projectKeyOrId` and `type` (the fields one gives to create
    // a board) and forbids any other. Jira answers `type, key, id, self, name`: the description's own example of
    // this operation shows exactly those, and so does Atlassian's reference page built from it. The site
    // answers as Jira does (the app reads only the columns), and this is the only difference.
    const boards = await expectConforms<BoardPageJson>('app', BOARDS, BOARDS);
    expect(boards.values.map((board) => board.name)).toEqual(['FLOW board', 'FLOW delivery', 'SPR board']);
    for (const board of boards.values) {
      const answer = await call<BoardConfigJson>(site, 'member', 'GET', `/rest/agile/1.0/board/${board.id}/configuration`);
      expect(answer.status).toBe(200);
      expect(Object.keys(answer.body.location).sort()).toEqual(Object.keys(documentedExample().location).sort());
      expect(contract.errors('GET', CONFIGURATION, 200, answer.body)).toEqual(
        ['key', 'id', 'self', 'name'].map(
          (field) => `/location must NOT have additional properties ${JSON.stringify({ additionalProperty: field })}`,
        ),
      );
      const { type } = answer.body.location;
      expect(contract.errors('GET', CONFIGURATION, 200, { ...answer.body, location: { type } })).toEqual([]);
    }
  });
});

describe("the app's requests", () => {
  /** `requestJira` as the calling admin, answered in process by the site; every path asked for is recorded. */
  function asAdmin(asked: string[]): RequestJira {
    const request = async (route: { value: string } | string) => {
      const path = typeof route === 'string' ? route : route.value;
      asked.push(path);
      const answer = await site.handle({
        method: 'GET',
        path,
        headers: { accept: 'application/json', 'x-forge-sim-principal': `user:${demoUser('admin').accountId}` },
      });
      return new Response(answer.body, { status: answer.status, headers: answer.headers });
    };
    return request;
  }

  /** The description's operation a path belongs to, by its template. */
  const templateOf = (path: string): string | undefined =>
    [BOARDS, CONFIGURATION].find((template) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/?]+')}(\\?|$)`).test(path));

  it('every request the board reader makes is an operation of the description, with parameters it declares', async () => {
    const asked: string[] = [];
    const boards = new JiraProjectBoards(asAdmin(asked));
    for (const projectKey of ['FLOW', 'SPR', 'BUG']) {
      for (const board of (await boards.boardsOf(projectKey)) ?? []) expect(await boards.columnsOf(board.id)).not.toHaveLength(0);
    }
    expect(new Set(asked.map(templateOf))).toEqual(new Set([BOARDS, CONFIGURATION]));
    for (const path of asked)
      expect({ path, problems: contract.requestErrors('GET', templateOf(path)!, path) }).toEqual({ path, problems: [] });
  });

  it('names no other Jira Software operation anywhere in the code Forge deploys', () => {
    // The scope check of `npm run lint:forge` reads this same cut description, so an agile call outside it
    // would go unchecked there: this keeps the cut and the code together.
    const root = path.resolve(__dirname, '../..');
    const sources = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
        const file = path.join(folder, entry.name);
        if (entry.isDirectory()) return ['node_modules', 'build'].includes(entry.name) ? [] : sources(file);
        return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
      });
    const named = ['src', 'static'].flatMap((folder) =>
      sources(path.join(root, folder)).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/\/rest\/agile\/[^`'"\s]*/g)].map((match) => ({
          file: path.relative(root, file),
          path: match[0].replace(/\$\{[^}]*\}/g, '1'),
        })),
      ),
    );
    expect(named.map((call) => call.file)).toContain('src/adapters/jira/jira-project-boards.ts');
    for (const call of named) expect({ ...call, template: templateOf(call.path) }).toEqual({ ...call, template: expect.any(String) });
  });

  it('a request the description does not allow is caught', () => {
    expect(contract.requestErrors('GET', BOARDS, `${BOARDS}?projectKey=FLOW&maxResults=fifty`)).toEqual([
      expect.stringMatching(/^query maxResults: must be integer/),
      'query projectKey: not a parameter of GET /rest/agile/1.0/board',
    ]);
    expect(contract.requestErrors('GET', CONFIGURATION, '/rest/agile/1.0/board/FLOW/configuration')).toEqual([
      expect.stringMatching(/^path boardId: must be integer/),
    ]);
  });
});
