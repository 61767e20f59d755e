/**
 * The command as a user installs it: `npm pack` (which compiles it through the `prepare` script), then the
 * tarball's files alone, in a folder outside the project, with no node_modules to fall back on.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(__dirname, 'fixtures');

function filesUnder(folder: string, root = folder): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path, root) : [relative(root, path)];
  });
}

describe('the packed command', () => {
  let work: string;
  let unpacked: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'flow-metrics-pack-'));
    const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
    if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
    const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }];
    const untar = spawnSync('tar', ['-xzf', join(work, filename), '-C', work], { encoding: 'utf8' });
    if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
    unpacked = join(work, 'package');
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds the compiled command and its documentation, not the project', () => {
    expect(filesUnder(unpacked).sort()).toEqual([
      'README.md',
      'bin/build/flow-metrics-config.js',
      'bin/build/flow-metrics-help.js',
      'bin/build/flow-metrics.js',
      'bin/flow-metrics.js',
      'docs/flow-metrics-cli.md',
      'package.json',
    ]);
    const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(manifest.bin).toEqual({ 'flow-metrics': 'bin/flow-metrics.js' });
  });

  it('runs a report from the tarball alone, outside the project', () => {
    const elsewhere = join(work, 'elsewhere');
    mkdirSync(elsewhere);
    const args = [
      'report',
      '--input',
      join(FIXTURES, 'issues.json'),
      '--config',
      join(FIXTURES, 'workflow.json'),
      '--now',
      '2026-01-31',
      '--format',
      'csv',
      '--table',
      'summary',
    ];
    const run = spawnSync(process.execPath, [join(unpacked, 'bin', 'flow-metrics.js'), ...args], {
      cwd: elsewhere,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual(['name,value', 'now,2026-01-31T00:00:00.000Z', 'timeZone,UTC']);
  });

  /** Runs the unpacked command; its exit code, its output, and the files it loaded (listed at exit, after a marker line). */
  function runListingLoaded(args: string[]) {
    const lister = join(work, 'list-loaded.cjs');
    writeFileSync(lister, "process.on('exit', () => process.stderr.write('\\nLOADED\\n' + Object.keys(require.cache).join('\\n')));\n");
    const run = spawnSync(process.execPath, ['--require', lister, join(unpacked, 'bin', 'flow-metrics.js'), ...args], { encoding: 'utf8' });
    const loaded = run.stderr.split('\nLOADED\n')[1]!.split('\n');
    return { status: run.status, stdout: run.stdout, loaded: loaded.map((path) => relative(unpacked, path)) };
  }

  it('answers --help from its own small file, without loading the report engine', () => {
    const run = runListingLoaded(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage:');
    expect(run.loaded).toContain(join('bin', 'build', 'flow-metrics-help.js'));
    expect(run.loaded).not.toContain(join('bin', 'build', 'flow-metrics.js'));
  });

  it("loads the configuration's reader, and its schema library, only for a report given --config", () => {
    const report = ['report', '--input', join(FIXTURES, 'issues.json'), '--now', '2026-01-31', '--format', 'csv', '--table', 'summary'];
    const without = runListingLoaded(report);
    expect(without.status).toBe(0);
    expect(without.loaded).toContain(join('bin', 'build', 'flow-metrics.js'));
    expect(without.loaded).not.toContain(join('bin', 'build', 'flow-metrics-config.js'));
    const given = runListingLoaded([...report, '--config', join(FIXTURES, 'workflow.json')]);
    expect(given.status).toBe(0);
    expect(given.loaded).toContain(join('bin', 'build', 'flow-metrics-config.js'));
  });

  it('refuses a bad --config as bad input, naming the field, though its reader is compiled apart', () => {
    const bad = join(work, 'bad-config.json');
    writeFileSync(bad, JSON.stringify({ conventions: { unti: 'days' } }));
    const run = spawnSync(
      process.execPath,
      [join(unpacked, 'bin', 'flow-metrics.js'), 'report', '--input', join(FIXTURES, 'issues.json'), '--config', bad],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toMatch(
      /^flow-metrics: \S+bad-config\.json: conventions\.unti: unknown setting; expected one of stageEntry, [^\n]+\n$/,
    );
    expect(run.status).toBe(2);
  });
});
