/**
 * The shapes of what an admin types into the settings page's connection forms.
 *
 * Shared by the resolvers (which refuse anything else before any network call) and the UI (which says so as
 * the admin types). The checks are deliberately about plausibility, not exact lengths: GitHub and Slack
 * document the prefixes and alphabets of their tokens but reserve the right to make them longer.
 */

/** GitHub fine-grained personal access token: `github_pat_` then letters, digits and underscores. */
const GITHUB_FINE_GRAINED_TOKEN = /^github_pat_[A-Za-z0-9_]{40,250}$/;

/** GitHub classic personal access token: `ghp_` then letters and digits (36 today). */
const GITHUB_CLASSIC_TOKEN = /^ghp_[A-Za-z0-9]{30,250}$/;

/** Slack bot token: `xoxb-`, the workspace and bot user numbers, then a secret part. */
export const SLACK_BOT_TOKEN = /^xoxb-[0-9]{1,20}-[0-9]{1,20}-[A-Za-z0-9]{16,200}$/;

/**
 * `owner/repo` as GitHub allows them: an owner of 1–39 letters, digits or inner hyphens, and a repository
 * name of letters, digits, `.`, `_` and `-` (but not `.` or `..`, which GitHub reserves).
 */
export const GITHUB_REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$/;

/** A Slack public (`C…`) or private (`G…`) channel id. Direct messages (`D…`) are not a place for digests. */
export const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{8,20}$/;

/** How many repositories one connection may watch: each one costs a GitHub call on every check. */
export const MAX_WATCHED_REPOSITORIES = 30;

export type GitHubTokenKind = 'fine-grained' | 'classic';

export function githubTokenKind(token: string): GitHubTokenKind | null {
  if (GITHUB_FINE_GRAINED_TOKEN.test(token)) return 'fine-grained';
  if (GITHUB_CLASSIC_TOKEN.test(token)) return 'classic';
  return null;
}

/**
 * Anything that looks like a GitHub or Slack credential, wherever it sits in a text. Used as a last line of
 * defence: values leaving the app (exports) are scrubbed of such strings even though none should be there.
 */
export const CREDENTIAL_LIKE = /(?:github_pat_[A-Za-z0-9_]{20,}|gh[pousr]_[A-Za-z0-9]{20,}|xox[abposre]-[A-Za-z0-9-]{10,})/g;
