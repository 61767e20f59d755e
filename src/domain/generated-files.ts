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
