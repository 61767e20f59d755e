import { createHash } from 'node:crypto';
import { MS_PER_DAY } from '../../src/domain';
import { DEMO_USERS } from '../jira/demo-data/demo-users';
import { demoPullRequests, githubLoginOf, type JiraDemoSource } from './demo-pull-requests';
import { SimulatedGitHub, type SimToken } from './simulated-github';

/**
 * The demo GitHub: one organisation with a handful of repositories, the demo people's accounts, tokens for
 * each case the settings page must handle, and (given the simulated Jira's seed and anchor) pull requests
 * for the demo issues. Tokens are derived at run time from their names, so no token-shaped string sits in the
 * repository for secret scanners to flag, and every run gets the same ones.
 */
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function derived(label: string, length: number): string {
  let text = '';
  for (let round = 0; text.length < length; round += 1) {
    for (const byte of createHash('sha256').update(`${label}#${round}`).digest()) {
      text += ALPHANUMERIC[byte % ALPHANUMERIC.length];
    }
  }
  return text.slice(0, length);
}

/** Fine-grained tokens look like `github_pat_` + 22 + `_` + 59 characters; classic ones `ghp_` + 36. */
const fineGrainedToken = (label: string) => `github_pat_${derived(`${label}/a`, 22)}_${derived(`${label}/b`, 59)}`;
const classicToken = (label: string) => `ghp_${derived(label, 36)}`;

const DEMO_ORGANISATION = 'acme-flow';
export const DEMO_GITHUB_LOGIN = 'flow-metrics-reader';

export const DEMO_REPOSITORIES = {
  webApp: `${DEMO_ORGANISATION}/web-app`,
  mobileApp: `${DEMO_ORGANISATION}/mobile-app`,
  platformApi: `${DEMO_ORGANISATION}/platform-api`,
  designSystem: `${DEMO_ORGANISATION}/design-system`,
  legacyBilling: `${DEMO_ORGANISATION}/legacy-billing`,
} as const;

interface DemoGitHubToken {
  token: string;
  /** What the token is for, as a developer trying the settings page would want to know. */
  purpose: string;
}

export interface DemoGitHub {
  github: SimulatedGitHub;
  tokens: {
    /** Fine-grained, read-only, three private repositories, expires in 60 days. */
    readOnly: DemoGitHubToken;
    /** Fine-grained, sees only web-app: platform-api answers 404. */
    narrow: DemoGitHubToken;
    /** Classic with the broad `repo` scope and no expiry: works, with a least-privilege warning. */
    classicBroad: DemoGitHubToken;
    /** Expired yesterday: GitHub answers 401. */
    expired: DemoGitHubToken;
    /** Revoked: GitHub answers 401. */
    revoked: DemoGitHubToken;
  };
}

export interface DemoGitHubOptions {
  /** The simulated Jira's demo data to draw pull requests from; without it the repositories have none. */
  pullRequestsFrom?: JiraDemoSource;
}

export function createDemoGitHub(now: () => Date = () => new Date(), options: DemoGitHubOptions = {}): DemoGitHub {
  const github = new SimulatedGitHub(now);
  github.addAccount(DEMO_ORGANISATION, { type: 'Organization', name: 'Acme Flow' });
  github.addAccount(DEMO_GITHUB_LOGIN, { name: 'Flow Metrics (read only)' });
  github.addRepository(DEMO_REPOSITORIES.webApp, {
    description: 'Customer-facing web application',
    gitattributes: '# The API client is generated from the OpenAPI description\nsrc/api/generated/** linguist-generated=true\n',
  });
  github.addRepository(DEMO_REPOSITORIES.mobileApp, { description: 'iOS and Android apps', language: 'Kotlin' });
  github.addRepository(DEMO_REPOSITORIES.platformApi, { description: 'Public API and back office', language: 'Go' });
  github.addRepository(DEMO_REPOSITORIES.designSystem, { private: false, description: 'Shared UI components' });
  github.addRepository(DEMO_REPOSITORIES.legacyBilling, { archived: true, description: 'Retired billing service', language: 'Java' });
  for (const person of DEMO_USERS) github.addAccount(githubLoginOf(person), { name: person.displayName });
  if (options.pullRequestsFrom) {
    const repositories = {
      FLOW: { main: DEMO_REPOSITORIES.webApp, api: DEMO_REPOSITORIES.platformApi },
      SPR: { main: DEMO_REPOSITORIES.mobileApp, api: DEMO_REPOSITORIES.platformApi },
    };
    for (const pull of demoPullRequests(options.pullRequestsFrom, repositories)) github.addPullRequest(pull.repository, pull.spec);
  }

  const inDays = (days: number) => new Date(now().getTime() + days * MS_PER_DAY);
  const issue = (token: string, purpose: string, spec: Partial<Omit<SimToken, 'token' | 'login'>>): DemoGitHubToken => {
    github.issueToken({ token, login: DEMO_GITHUB_LOGIN, ...spec });
    return { token, purpose };
  };

  const tokens: DemoGitHub['tokens'] = {
    readOnly: issue(fineGrainedToken('demo-read-only'), 'fine-grained, read-only: web-app, mobile-app, platform-api; expires in 60 days', {
      repositories: [DEMO_REPOSITORIES.webApp, DEMO_REPOSITORIES.mobileApp, DEMO_REPOSITORIES.platformApi],
      expiresAt: inDays(60),
    }),
    narrow: issue(fineGrainedToken('demo-narrow'), 'fine-grained, sees web-app only', {
      repositories: [DEMO_REPOSITORIES.webApp],
      expiresAt: inDays(20),
    }),
    classicBroad: issue(classicToken('demo-classic-broad'), 'classic, scope "repo" (more than the app needs), never expires', {
      scopes: ['repo', 'read:org'],
      repositories: 'all',
    }),
    expired: issue(fineGrainedToken('demo-expired'), 'expired yesterday', {
      repositories: 'all',
      expiresAt: inDays(-1),
    }),
    revoked: issue(fineGrainedToken('demo-revoked'), 'revoked', { repositories: 'all', revoked: true }),
  };
  return { github, tokens };
}
