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
 * within a folder, `**` crosses folders, a pattern without a slash matches a name at any depth, a leading
 * slash anchors at the repository root, a trailing slash means a folder and everything in it.
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
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  const prefix = anchored ? '^' : '^(?:.*/)?';
  // A name matches the file itself or, as a folder, everything under it.
  return new RegExp(`${prefix}${source}${folder ? '/.*' : '(?:/.*)?'}$`);
}

/**
 * The patterns a `.gitattributes` file marks generated: `linguist-generated`, `linguist-generated=true` or
 * `linguist-generated=1`. A later `-linguist-generated` or `linguist-generated=false` for the same pattern
 * takes it back, as the later line wins in git.
 */
export function linguistGeneratedPatterns(gitattributes: string): string[] {
  const marked = new Map<string, boolean>();
  for (const raw of gitattributes.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [pattern, ...attributes] = line.split(/\s+/);
    for (const attribute of attributes) {
      if (attribute === 'linguist-generated' || attribute === 'linguist-generated=true' || attribute === 'linguist-generated=1') {
        marked.set(pattern!, true);
      } else if (attribute === '-linguist-generated' || attribute === 'linguist-generated=false' || attribute === '!linguist-generated') {
        marked.set(pattern!, false);
      }
    }
  }
  return [...marked].filter(([, generated]) => generated).map(([pattern]) => pattern);
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

  /** `patterns`: the repository's `linguist-generated` patterns and the admin's own list, gitattributes syntax. */
  constructor(patterns: readonly string[] = []) {
    this.patterns = patterns.map(pathPattern).filter((pattern): pattern is RegExp => pattern !== null);
  }

  isGenerated(path: string): boolean {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (LOCKFILES.has(name)) return true;
    return this.patterns.some((pattern) => pattern.test(path));
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
