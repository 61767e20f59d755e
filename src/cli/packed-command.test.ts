/**
 * The command as a user installs it: `npm pack ./cli` (which compiles it through the package's `prepack` script),
 * then `npm install` of that tarball in a folder outside the project, offline and with an empty npm cache, so
 * nothing can come from the registry, and the command run through the bin link npm made.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import type { FlowReport } from '../domain';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(__dirname, 'fixtures');

function filesUnder(folder: string, root = folder): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path, root) : [relative(root, path)];
  });
}

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

describe('the packed command', () => {
  let work: string;
  /** A user's folder, outside the project, where the tarball is installed. */
  let elsewhere: string;
  /** The installed package, node_modules/flow-metrics. */
  let installed: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'flow-metrics-pack-'));
    const packed = run('npm', ['pack', './cli', '--json', '--pack-destination', work], ROOT);
    const [{ filename }] = JSON.parse(packed) as [{ filename: string }];
    elsewhere = join(work, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'package.json'), JSON.stringify({ name: 'elsewhere', private: true }));
    copyFileSync(join(FIXTURES, 'issues.json'), join(elsewhere, 'issues.json'));
    copyFileSync(join(FIXTURES, 'workflow.json'), join(elsewhere, 'workflow.json'));
    // Offline, with a cache of its own that starts empty: any dependency the package named would fail the install.
    const install = ['install', '--offline', '--no-audit', '--no-fund', '--cache', join(work, 'npm-cache'), join(work, filename)];
    run('npm', install, elsewhere);
    installed = join(elsewhere, 'node_modules', 'flow-metrics');
  }, 180_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** Runs the installed command through its bin link, as `npx flow-metrics` would, from the user's folder. */
  function flowMetrics(args: string[]) {
    return spawnSync(join(elsewhere, 'node_modules', '.bin', 'flow-metrics'), args, {
      cwd: elsewhere,
      encoding: 'utf8',
      env: { PATH: [dirname(process.execPath), process.env['PATH']].join(delimiter) },
    });
  }

  it('installs as one package, with no dependencies to fetch', () => {
    const packages = readdirSync(join(elsewhere, 'node_modules')).filter((name) => !name.startsWith('.'));
    expect(packages).toEqual(['flow-metrics']);
    expect(readdirSync(join(elsewhere, 'node_modules', '.bin'))).toEqual(['flow-metrics']);
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'flow-metrics', bin: { 'flow-metrics': 'bin/flow-metrics.js' } });
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'bundleDependencies']) {
      expect(manifest).not.toHaveProperty(field);
    }
  });

  it('holds the compiled command and its documentation, not the project', () => {
    expect(filesUnder(installed).sort()).toEqual([
      'README.md',
      'bin/flow-metrics.js',
      'build/flow-metrics-config.js',
      'build/flow-metrics-help.js',
      'build/flow-metrics-list-part.js',
      'build/flow-metrics.js',
      'docs/flow-metrics-cli.md',
      'docs/pull-requests-export.graphql',
      'package.json',
    ]);
    expect(readFileSync(join(installed, 'docs', 'flow-metrics-cli.md'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'docs', 'flow-metrics-cli.md'), 'utf8'),
    );
  });

  it('answers --help', () => {
    const help = flowMetrics(['--help']);
    expect(help.stderr).toBe('');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage:');
    expect(help.stdout).toContain('docs/flow-metrics-cli.md');
  });

  it('runs a report on an export in the folder it is run from', () => {
    const json = flowMetrics(['report', '--input', 'issues.json', '--config', 'workflow.json', '--now', '2026-01-31']);
    expect(json.stderr).toBe('');
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout) as FlowReport;
    expect(report.generated).toMatchObject({ window: { from: '2026-01-05', to: '2026-01-31' }, items: 9, doneInWindow: 5, inProgress: 3 });

    const csv = flowMetrics(['report', '--input', 'issues.json', '--now', '2026-01-31', '--format', 'csv', '--out', 'report']);
    expect(csv.status).toBe(0);
    const [, written] = /^flow-metrics: wrote (\d+) CSV files to report \(as of 2026-01-31T00:00:00\.000Z\)\n$/.exec(csv.stderr) ?? [];
    expect(readdirSync(join(elsewhere, 'report'))).toHaveLength(Number(written));
    const summary = readFileSync(join(elsewhere, 'report', 'summary.csv'), 'utf8');
    expect(summary.split('\n').slice(0, 3)).toEqual(['name,value', 'now,2026-01-31T00:00:00.000Z', 'timeZone,UTC']);
  });

  it('ends quietly when its reader stops reading (a pipe into head)', () => {
    const command = join(elsewhere, 'node_modules', '.bin', 'flow-metrics');
    // `true` exits without reading: by the time the report is written the pipe has no reader, and writing fails
    // with EPIPE. The command's exit code is written to standard error after it, which the pipe does not touch.
    const piped = spawnSync('sh', ['-c', `{ "${command}" report --input issues.json --now 2026-01-31; echo "exit $?" >&2; } | true`], {
      cwd: elsewhere,
      encoding: 'utf8',
      env: { PATH: [dirname(process.execPath), process.env['PATH']].join(delimiter) },
    });
    expect(piped.stderr).toBe('exit 0\n');
  });

  /** Runs the installed command; its exit code, its output, and the files it loaded (listed at exit, after a marker line). */
  function runListingLoaded(args: string[]) {
    const lister = join(work, 'list-loaded.cjs');
    writeFileSync(lister, "process.on('exit', () => process.stderr.write('\\nLOADED\\n' + Object.keys(require.cache).join('\\n')));\n");
    const result = spawnSync(process.execPath, ['--require', lister, join(installed, 'bin', 'flow-metrics.js'), ...args], {
      cwd: elsewhere,
      encoding: 'utf8',
    });
    const loaded = result.stderr.split('\nLOADED\n')[1]!.split('\n');
    return { status: result.status, stdout: result.stdout, loaded: loaded.map((path) => relative(installed, path)) };
  }

  it("reads a large export's second part in a thread of its own, and reports what one reading reports", () => {
    // The fixture's issues again and again under new keys, each with a description, until the file is larger
    // than the smallest export read in two parts, which the command is told is 8 MB.
    const SMALLEST_EXPORT_READ_IN_TWO = 8 << 20;
    const fixture = JSON.parse(readFileSync(join(FIXTURES, 'issues.json'), 'utf8')) as { key: string; fields: Record<string, unknown> }[];
    const description = 'x'.repeat(20_000);
    const copies = Math.ceil(SMALLEST_EXPORT_READ_IN_TWO / (fixture.length * description.length)) + 1;
    const issues = Array.from({ length: copies }, (_, copy) =>
      fixture.map((issue) => ({ ...issue, key: `${issue.key}${copy}`, fields: { ...issue.fields, description } })),
    ).flat();
    const large = join(elsewhere, 'large.json');
    writeFileSync(large, JSON.stringify({ startAt: 0, issues, isLast: true }));
    expect(statSync(large).size).toBeGreaterThan(SMALLEST_EXPORT_READ_IN_TWO);

    // A thread started by the command, and each batch of issues taken from it, is told on standard error (the
    // preload runs in the command's thread only).
    const teller = join(work, 'tell-threads.cjs');
    writeFileSync(
      teller,
      [
        "const threads = require('node:worker_threads');",
        'const { Worker, receiveMessageOnPort } = threads;',
        "threads.Worker = class extends Worker { constructor(...args) { super(...args); process.stderr.write('THREAD\\n'); } };",
        'threads.receiveMessageOnPort = (port) => {',
        '  const received = receiveMessageOnPort(port);',
        "  if (received && received.message.numbers) process.stderr.write('BATCH\\n');",
        '  return received;',
        '};',
      ].join('\n'),
    );
    const report = (input: string, out: string, fromMegabytes: string | null = '8') => {
      const args = ['--require', teller, join(installed, 'bin', 'flow-metrics.js'), 'report', '--now', '2026-01-31', '--out', out];
      const result = spawnSync(process.execPath, [...args, '--input', input], {
        cwd: elsewhere,
        encoding: 'utf8',
        env: fromMegabytes === null ? process.env : { ...process.env, FLOW_METRICS_READ_IN_TWO_FROM_MB: fromMegabytes },
        input: input === '-' ? readFileSync(large) : undefined,
      });
      expect(result.status).toBe(0);
      const told = result.stderr.split('\n');
      return {
        threads: told.filter((line) => line === 'THREAD').length,
        batches: told.filter((line) => line === 'BATCH').length,
        json: readFileSync(join(out, 'report.json'), 'utf8'),
      };
    };
    const inTwo = report('large.json', join(work, 'in-two'));
    // Standard input is read in one thread: it has no offsets to start a part at.
    const inOne = report('-', join(work, 'in-one'));
    // Without the setting, a file this small is read in one thread too.
    const byDefault = report('large.json', join(work, 'by-default'), null);
    expect(inTwo.threads).toBe(1);
    expect(inTwo.batches).toBeGreaterThan(1);
    expect(inOne.threads).toBe(0);
    expect(byDefault.threads).toBe(0);
    expect(inTwo.json).toBe(inOne.json);
    expect(byDefault.json).toBe(inOne.json);
    expect((JSON.parse(inTwo.json) as FlowReport).items).toHaveLength(issues.length);
  });

  it('answers --help from its own small file, without loading the report engine', () => {
    const help = runListingLoaded(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage:');
    expect(help.loaded).toContain(join('build', 'flow-metrics-help.js'));
    expect(help.loaded).not.toContain(join('build', 'flow-metrics.js'));
  });

  it("loads the configuration's reader, and its schema library, only for a report given --config", () => {
    const report = ['report', '--input', 'issues.json', '--now', '2026-01-31', '--format', 'csv', '--table', 'summary'];
    const without = runListingLoaded(report);
    expect(without.status).toBe(0);
    expect(without.loaded).toContain(join('build', 'flow-metrics.js'));
    expect(without.loaded).not.toContain(join('build', 'flow-metrics-config.js'));
    const given = runListingLoaded([...report, '--config', 'workflow.json']);
    expect(given.status).toBe(0);
    expect(given.loaded).toContain(join('build', 'flow-metrics-config.js'));
  });

  it('refuses a bad --config as bad input, naming the field, though its reader is compiled apart', () => {
    writeFileSync(join(elsewhere, 'bad-config.json'), JSON.stringify({ conventions: { unti: 'days' } }));
    const bad = flowMetrics(['report', '--input', 'issues.json', '--config', 'bad-config.json']);
    expect(bad.stderr).toMatch(
      /^flow-metrics: \S*bad-config\.json: conventions\.unti: unknown setting; expected one of stageEntry, [^\n]+\n$/,
    );
    expect(bad.status).toBe(2);
  });
});
