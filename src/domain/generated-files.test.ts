import {
  GENERATED_PATH_LIMITS,
  GeneratedFiles,
  generatedPathProblem,
  generatedPathsProblem,
  handWrittenSize,
  linguistGeneratedPatterns,
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

describe('linguistGeneratedPatterns', () => {
  it('reads the patterns a .gitattributes marks generated, a later line winning', () => {
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
    expect(linguistGeneratedPatterns(gitattributes)).toEqual(['*.pb.go', 'api/client/**', 'schema.json']);
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
