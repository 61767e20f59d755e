/**
 * Which changed files a pull request's size leaves out because no one wrote them by hand: lockfiles, paths a
 * repository marks `linguist-generated` in its `.gitattributes` (as GitHub's own diff view does), and
 * patterns an admin adds. A thousand-line lockfile update is not a large change to review.
 */

/** Dependency lockfiles, by file name, in any folder. */
export const LOCKFILE_NAMES: readonly string[] = Object.freeze([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lockb',
  'Cargo.lock',
  'poetry.lock',
  'Pipfile.lock',
  'uv.lock',
  'go.sum',
  'composer.lock',
  'Gemfile.lock',
  'Podfile.lock',
  'packages.lock.json',
  'gradle.lockfile',
  'mix.lock',
  'pubspec.lock',
  'flake.lock',
]);

const LOCKFILES = new Set(LOCKFILE_NAMES);

/**
 * A gitattributes-style path pattern (https://git-scm.com/docs/gitignore#_pattern_format): `*` and `?` stay
 * within a folder, `**` crosses folders, `[abc]`, `[a-z]` and `[!abc]` match one character of (or not of) a
 * set as fnmatch does, a pattern without a slash matches a name at any depth, a leading slash anchors at the
 * repository root, a trailing slash means a folder and everything in it.
 */
export function pathPattern(pattern: string): RegExp | null {
  let text = pattern.trim();
  if (text === '' || text.startsWith('#') || text.startsWith('!')) return null;
  const folder = text.endsWith('/');
  if (folder) text = text.replace(/\/+$/, '');
  const anchored = text.includes('/');
  text = text.replace(/^\//, '');
  let source = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '*' && text[i + 1] === '*') {
      const slashAfter = text[i + 2] === '/';
      source += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[' && characterClassEnd(text, i) !== -1) {
      const end = characterClassEnd(text, i);
      source += characterClass(text.slice(i + 1, end));
      i = end;
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  const prefix = anchored ? '^' : '^(?:.*/)?';
  // A name matches the file itself or, as a folder, everything under it.
  return new RegExp(`${prefix}${source}${folder ? '/.*' : '(?:/.*)?'}$`);
}

/** Where the `]` closing a character class opened at `start` is, or -1 when `[` is just a character. */
function characterClassEnd(text: string, start: number): number {
  let i = start + 1;
  if (text[i] === '!' || text[i] === '^') i += 1;
  if (text[i] === ']') i += 1; // a `]` first in the set is one of its characters
  const end = text.indexOf(']', i);
  return end;
}

/** fnmatch's `[…]` as a regular expression's set: never a slash, `!` (or `^`) first negates. */
function characterClass(body: string): string {
  const negated = body.startsWith('!') || body.startsWith('^');
  const members = (negated ? body.slice(1) : body).replace(/[\\\]^[]/g, '\\$&');
  return negated ? `[^/${members}]` : `(?!/)[${members}]`;
}

/** One `.gitattributes` line's say about `linguist-generated`: the path pattern, and whether it sets or unsets it. */
export interface LinguistRule {
  pattern: string;
  generated: boolean;
}

/**
 * The lines of a `.gitattributes` file that set (`linguist-generated`, `=true`, `=1`) or unset
 * (`-linguist-generated`, `=false`, `!linguist-generated`) the attribute, in file order: for each path the last
 * matching line wins, as in git, so `gen/handwritten.ts -linguist-generated` after `gen/** linguist-generated`
 * counts that one file as written by hand.
 */
export function linguistGeneratedRules(gitattributes: string): LinguistRule[] {
  const rules: LinguistRule[] = [];
  for (const raw of gitattributes.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [pattern, ...attributes] = line.split(/\s+/);
    let generated: boolean | null = null;
    for (const attribute of attributes) {
      if (attribute === 'linguist-generated' || attribute === 'linguist-generated=true' || attribute === 'linguist-generated=1') {
        generated = true;
      } else if (attribute === '-linguist-generated' || attribute === 'linguist-generated=false' || attribute === '!linguist-generated') {
        generated = false;
      }
    }
    if (generated !== null) rules.push({ pattern: pattern!, generated });
  }
  return rules;
}

/** How many patterns an admin may list, and how long each may be: enough for any repository layout, small to store. */
export const GENERATED_PATH_LIMITS = Object.freeze({ maxPatterns: 50, maxLength: 200 });

/** Characters a path pattern may hold: what repository paths use, and the wildcards `*` and `?`. */
const PATTERN_CHARACTERS = /^[A-Za-z0-9._\-/*?@+~ ]+$/;

/**
 * Why an admin's pattern cannot be used, or null when it can: the settings form and the resolver both ask here,
 * so what the form accepts is exactly what is stored and what `pathPattern` reads.
 */
export function generatedPathProblem(pattern: string): string | null {
  const text = pattern.trim();
  if (text === '') return 'A pattern cannot be empty.';
  if (text.length > GENERATED_PATH_LIMITS.maxLength) return `A pattern is at most ${GENERATED_PATH_LIMITS.maxLength} characters.`;
  if (text.startsWith('#')) return `"${text}" starts with #, which .gitattributes reads as a comment.`;
  if (text.startsWith('!')) return `"${text}" starts with !: negative patterns are not supported (list only what is generated).`;
  if (!PATTERN_CHARACTERS.test(text))
    return `"${text}" has a character paths do not use here: letters, digits, . _ - / @ + ~ and the wildcards * and ? only.`;
  if (/\*{3,}/.test(text)) return `"${text}" has *** : use * within a folder or ** across folders.`;
  if (/[^/]\*\*|\*\*[^/]/.test(text.replace(/^\*\*$/, '')))
    return `"${text}": ** must stand alone between slashes, as in docs/**/generated or **/*.pb.go.`;
  if (text.includes('//')) return `"${text}" has an empty folder name (//).`;
  if (text === '/' || text === '**' || text === '*' || text === '**/*' || text === '/**')
    return `"${text}" would leave every file out of every pull request's size.`;
  return pathPattern(text) === null ? `"${text}" is not a path pattern.` : null;
}

/** The problems of a whole list: each pattern's, a repeated one, and too many. */
export function generatedPathsProblem(patterns: readonly string[]): string | null {
  if (patterns.length > GENERATED_PATH_LIMITS.maxPatterns) return `List at most ${GENERATED_PATH_LIMITS.maxPatterns} patterns.`;
  for (const pattern of patterns) {
    const problem = generatedPathProblem(pattern);
    if (problem) return problem;
  }
  const seen = new Set<string>();
  for (const pattern of patterns.map((p) => p.trim())) {
    if (seen.has(pattern)) return `"${pattern}" is listed twice.`;
    seen.add(pattern);
  }
  return null;
}

/** Decides, path by path, whether a changed file counts towards a pull request's size. */
export class GeneratedFiles {
  private readonly patterns: RegExp[];
  /** The repository's rules, last first: the first that matches a path is the one git applies. */
  private readonly repositoryRules: Array<{ pattern: RegExp; generated: boolean }>;

  /**
   * `patterns`: the admin's own list (always generated); `repositoryRules`: the repository's `.gitattributes`
   * lines about `linguist-generated`, in file order. Both gitattributes syntax.
   */
  constructor(patterns: readonly string[] = [], repositoryRules: readonly LinguistRule[] = []) {
    this.patterns = patterns.map(pathPattern).filter((pattern): pattern is RegExp => pattern !== null);
    this.repositoryRules = repositoryRules
      .map((rule) => ({ pattern: pathPattern(rule.pattern), generated: rule.generated }))
      .filter((rule): rule is { pattern: RegExp; generated: boolean } => rule.pattern !== null)
      .reverse();
  }

  isGenerated(path: string): boolean {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (LOCKFILES.has(name)) return true;
    if (this.patterns.some((pattern) => pattern.test(path))) return true;
    return this.repositoryRules.find((rule) => rule.pattern.test(path))?.generated ?? false;
  }
}

export interface ChangedFile {
  path: string;
  additions: number;
  deletions: number;
}

export interface ChangeSize {
  additions: number;
  deletions: number;
  files: number;
}

/** Lines added and deleted, and files changed, counting only files written by hand. */
export function handWrittenSize(files: Iterable<ChangedFile>, generated: GeneratedFiles): ChangeSize {
  const size: ChangeSize = { additions: 0, deletions: 0, files: 0 };
  for (const file of files) {
    if (generated.isGenerated(file.path)) continue;
    size.additions += file.additions;
    size.deletions += file.deletions;
    size.files += 1;
  }
  return size;
}
