/**
 * The JSON GitHub's REST API answers with, built from the simulation's records: the authenticated user
 * (`private-user`), a repository (`full-repository`) and the error body (`basic-error`). Field sets follow
 * GitHub's own description (dev/contracts/github-rest.subset.openapi.json), which the tests check them against.
 */
export const API = 'https://api.github.com';
const WEB = 'https://github.com';

export interface SimAccount {
  login: string;
  id: number;
  type: 'User' | 'Organization';
  name: string | null;
  createdAt: string;
}

export interface SimRepository {
  owner: SimAccount;
  name: string;
  id: number;
  private: boolean;
  archived: boolean;
  defaultBranch: string;
  description: string | null;
  language: string | null;
  createdAt: string;
  pushedAt: string;
  /** The default branch's `.gitattributes`, or null when it has none. */
  gitattributes: string | null;
  /**
   * The token may not read the repository's contents (a fine-grained token without Contents: read on a private
   * repository): reading a file answers FORBIDDEN beside the rest of the data.
   */
  contentsWithheld?: boolean;
}

export const nodeId = (kind: string, id: number) => Buffer.from(`${kind}:${id}`).toString('base64').replace(/=+$/, '');

export function simpleUserJson(account: SimAccount) {
  const url = `${API}/users/${account.login}`;
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId(account.type === 'User' ? 'U' : 'O', account.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${account.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `${WEB}/${account.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: account.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** `GET /user`: the token's own account, with the private fields only its owner sees. */
export function privateUserJson(account: SimAccount, ownedPrivateRepos: number, publicRepos: number) {
  return {
    ...simpleUserJson(account),
    user_view_type: 'private',
    name: account.name,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    notification_email: null,
    public_repos: publicRepos,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: account.createdAt,
    updated_at: account.createdAt,
    private_gists: 0,
    total_private_repos: ownedPrivateRepos,
    owned_private_repos: ownedPrivateRepos,
    disk_usage: 1024,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: 'free', space: 976562499, collaborators: 0, private_repos: 10000 },
  };
}

/** `GET /repos/{owner}/{repo}`. `permissions` describe what the token's user may do there. */
export function fullRepositoryJson(repository: SimRepository, permissions: { admin: boolean; push: boolean; pull: boolean }) {
  const fullName = `${repository.owner.login}/${repository.name}`;
  const url = `${API}/repos/${fullName}`;
  const html = `${WEB}/${fullName}`;
  const owner = simpleUserJson(repository.owner);
  return {
    id: repository.id,
    node_id: nodeId('R', repository.id),
    name: repository.name,
    full_name: fullName,
    owner,
    private: repository.private,
    visibility: repository.private ? 'private' : 'public',
    html_url: html,
    description: repository.description,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_url: `git://github.com/${fullName}.git`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    ssh_url: `git@github.com:${fullName}.git`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${url}/hooks`,
    svn_url: html,
    homepage: null,
    language: repository.language,
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 2048,
    default_branch: repository.defaultBranch,
    open_issues_count: 0,
    open_issues: 0,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: repository.archived,
    disabled: false,
    pushed_at: repository.pushedAt,
    created_at: repository.createdAt,
    updated_at: repository.pushedAt,
    permissions: { ...permissions, maintain: permissions.admin, triage: permissions.push },
    allow_rebase_merge: true,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_auto_merge: false,
    delete_branch_on_merge: true,
    allow_forking: !repository.private,
    web_commit_signoff_required: false,
    license: null,
    network_count: 0,
    subscribers_count: 1,
    ...(repository.owner.type === 'Organization' ? { organization: owner } : {}),
  };
}

/** GitHub's error body. `status` is a string in GitHub's answers. */
export function basicErrorJson(status: number, message: string, documentationUrl = 'https://docs.github.com/rest') {
  return { message, documentation_url: documentationUrl, status: String(status) };
}

/** `GET /rate_limit`'s bucket for the core REST API. */
export function rateLimitJson(limit: number, used: number, reset: number) {
  const bucket = { limit, used, remaining: Math.max(0, limit - used), reset };
  return { resources: { core: bucket, search: { limit: 30, used: 0, remaining: 30, reset } }, rate: bucket };
}
