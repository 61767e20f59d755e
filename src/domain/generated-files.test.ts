import {
  GENERATED_PATH_LIMITS,
  GeneratedFiles,
  generatedPathProblem,
  generatedPathsProblem,
  handWrittenSize,
  linguistGeneratedRules,
  LOCKFILE_NAMES,
  pathPattern,
} from './generated-files';

describe('GeneratedFiles', () => {
  const plain = new GeneratedFiles();

  it.each(['package-lock.json', 'web/yarn.lock', 'pnpm-lock.yaml', 'crates/core/Cargo.lock', 'poetry.lock', 'go.sum'])(
    'leaves out the lockfile %s wherever it is',
    (path) => expect(plain.isGenerated(path)).toBe(true),
  );

  it.each(['package.json', 'src/yarn.lock.ts', 'go.mod', 'docs/Cargo.lock.md', 'my-package-lock.json'])('counts %s', (path) => {
    expect(plain.isGenerated(path)).toBe(false);
  });

  it('lists every lockfile name once', () => {
    expect(new Set(LOCKFILE_NAMES).size).toBe(LOCKFILE_NAMES.length);
  });

  it('leaves out what the given patterns match', () => {
    const generated = new GeneratedFiles(['*.pb.go', '/dist/', 'src/api/**/generated/*.ts', 'schema.graphql']);
    expect(generated.isGenerated('proto/user.pb.go')).toBe(true);
    expect(generated.isGenerated('dist/app.js')).toBe(true);
    expect(generated.isGenerated('web/dist/app.js')).toBe(false); // anchored at the root
    expect(generated.isGenerated('src/api/generated/client.ts')).toBe(true);
    expect(generated.isGenerated('src/api/v2/deep/generated/client.ts')).toBe(true);
    expect(generated.isGenerated('src/api/generated/deeper/client.ts')).toBe(false);
    expect(generated.isGenerated('app/schema.graphql')).toBe(true);
    expect(generated.isGenerated('app/schema.graphqls')).toBe(false);
  });
});

describe('pathPattern', () => {
  it('ignores blank lines, comments and negations', () => {
    expect(pathPattern('  ')).toBeNull();
    expect(pathPattern('# comment')).toBeNull();
    expect(pathPattern('!keep.js')).toBeNull();
  });

  it('keeps `?` within one folder and escapes the rest', () => {
    const pattern = pathPattern('a?c.(x)')!;
    expect(pattern.test('abc.(x)')).toBe(true);
    expect(pattern.test('a/c.(x)')).toBe(false);
  });
});

describe('linguistGeneratedRules', () => {
  it('reads the lines of a .gitattributes that set or unset linguist-generated, in file order', () => {
    const gitattributes = [
      '# generated code',
      '*.pb.go linguist-generated=true',
      'api/client/** linguist-generated',
      'vendor/** linguist-vendored',
      'docs/*.md text eol=lf',
      'legacy/*.js linguist-generated=1',
      'legacy/*.js -linguist-generated',
      'schema.json   text   linguist-generated',
    ].join('\r\n');
    expect(linguistGeneratedRules(gitattributes)).toEqual([
      { pattern: '*.pb.go', generated: true },
      { pattern: 'api/client/**', generated: true },
      { pattern: 'legacy/*.js', generated: true },
      { pattern: 'legacy/*.js', generated: false },
      { pattern: 'schema.json', generated: true },
    ]);
  });

  it('lets the last matching line win per path, as git does, even when its pattern differs', () => {
    const rules = linguistGeneratedRules(
      [
        'gen/** linguist-generated',
        'gen/handwritten.ts -linguist-generated',
        'legacy/*.js -linguist-generated',
        'legacy/*.js linguist-generated',
      ].join('\n'),
    );
    const generated = new GeneratedFiles([], rules);
    expect(generated.isGenerated('gen/client.ts')).toBe(true);
    expect(generated.isGenerated('gen/handwritten.ts')).toBe(false);
    expect(generated.isGenerated('legacy/old.js')).toBe(true);
    expect(generated.isGenerated('src/app.ts')).toBe(false);
  });

  it("keeps an admin's own pattern generated whatever the repository says", () => {
    const generated = new GeneratedFiles(['gen/**'], linguistGeneratedRules('gen/handwritten.ts -linguist-generated'));
    expect(generated.isGenerated('gen/handwritten.ts')).toBe(true);
  });
});

describe('character classes in path patterns', () => {
  it('matches one character of a set or range, as fnmatch does', () => {
    const pattern = pathPattern('gen/[ab]*.ts')!;
    expect(pattern.test('gen/api.ts')).toBe(true);
    expect(pattern.test('gen/b.ts')).toBe(true);
    expect(pattern.test('gen/c.ts')).toBe(false);
    expect(pathPattern('v[0-9].json')!.test('v7.json')).toBe(true);
    expect(pathPattern('v[0-9].json')!.test('vx.json')).toBe(false);
  });

  it('negates a set with ! or ^, never matching a slash', () => {
    const pattern = pathPattern('/out[!x]')!;
    expect(pattern.test('out1')).toBe(true);
    expect(pattern.test('outx')).toBe(false);
    expect(pathPattern('/a[^b]c')!.test('a/c')).toBe(false);
    expect(pathPattern('/a[!b]c')!.test('a/c')).toBe(false);
  });

  it('reads a lone [ as itself and a ] first in a set as a member', () => {
    expect(pathPattern('/a[b')!.test('a[b')).toBe(true);
    expect(pathPattern('/x[]]y')!.test('x]y')).toBe(true);
  });
});

describe('handWrittenSize', () => {
  it('adds up only the files written by hand', () => {
    const files = [
      { path: 'src/login.ts', additions: 40, deletions: 12 },
      { path: 'package-lock.json', additions: 900, deletions: 300 },
      { path: 'src/login.test.ts', additions: 25, deletions: 0 },
      { path: 'gen/api.pb.go', additions: 400, deletions: 10 },
    ];
    expect(handWrittenSize(files, new GeneratedFiles(['gen/']))).toEqual({ additions: 65, deletions: 12, files: 2 });
  });
});

describe("an admin's generated-path patterns", () => {
  it.each([
    'src/api/generated/**',
    '**/*.pb.go',
    '*.min.js',
    'docs/**/reference/',
    '/vendor/',
    'schema?.graphql',
    '@types/generated/*.d.ts',
  ])('accepts %s', (pattern) => {
    expect(generatedPathProblem(pattern)).toBeNull();
    expect(pathPattern(pattern)).not.toBeNull();
  });

  it.each([
    ['', /empty/],
    ['# generated', /comment/],
    ['!keep.js', /negative/],
    ['src/[abc].js', /character/],
    ['src\\gen', /character/],
    ['a/***/b', /\*\*\*/],
    ['src/**.js', /stand alone/],
    ['a//b', /empty folder/],
    ['**', /every file/],
    ['*', /every file/],
    ['x'.repeat(GENERATED_PATH_LIMITS.maxLength + 1), /at most 200 characters/],
  ])('refuses %j', (pattern, problem) => {
    expect(generatedPathProblem(pattern)).toMatch(problem);
  });

  it('refuses a list with a repeated pattern or too many', () => {
    expect(generatedPathsProblem(['a/**', 'b/**'])).toBeNull();
    expect(generatedPathsProblem(['a/**', ' a/** '])).toMatch(/listed twice/);
    expect(generatedPathsProblem(Array.from({ length: GENERATED_PATH_LIMITS.maxPatterns + 1 }, (_, i) => `gen${i}/**`))).toMatch(
      /at most 50/,
    );
  });

  it('leaves out of a size exactly what an accepted pattern names', () => {
    const generated = new GeneratedFiles(['src/api/generated/**', '**/*.pb.go']);
    expect(['src/api/generated/client.ts', 'proto/user.pb.go', 'src/api/client.ts'].map((path) => generated.isGenerated(path))).toEqual([
      true,
      true,
      false,
    ]);
  });
});
