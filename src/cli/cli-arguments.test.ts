import { isoDateToDay } from '../domain';
import { parseCliArguments } from './cli-arguments';
import { PULL_REQUEST_TABLE_NAMES, REPORT_TABLE_NAMES } from './csv-table-names';
import { CliInputError } from './cli-error';

describe('command-line arguments', () => {
  it('reads the report options, in both --name value and --name=value forms', () => {
    expect(
      parseCliArguments([
        'report',
        '--input',
        'issues.json',
        '--config=workflow.json',
        '--now',
        '2026-01-31T00:00:00Z',
        '--seed',
        '7',
        '--format',
        'csv',
        '--out',
        'out',
      ]),
    ).toEqual({
      command: 'report',
      input: 'issues.json',
      config: 'workflow.json',
      now: { instant: Date.UTC(2026, 0, 31) },
      seed: 7,
      format: 'csv',
      table: null,
      out: 'out',
      pullRequests: [],
    });
  });

  it('has defaults for everything but the input', () => {
    expect(parseCliArguments(['report', '--input', '-'])).toEqual({
      command: 'report',
      input: '-',
      config: null,
      now: null,
      seed: 1,
      format: 'json',
      table: null,
      out: null,
      pullRequests: [],
    });
  });

  it('takes --pull-requests repeatedly, each as owner/name=FILE', () => {
    expect(
      parseCliArguments(['report', '--input', 'a', '--pull-requests', 'acme/web=web.json', '--pull-requests=acme/api.v2=api.json']),
    ).toMatchObject({
      pullRequests: [
        { repository: 'acme/web', path: 'web.json' },
        { repository: 'acme/api.v2', path: 'api.json' },
      ],
    });
  });

  it('takes --now as a calendar day (its start comes from the configured time zone) or as an exact instant', () => {
    expect(parseCliArguments(['report', '--input', 'a', '--now', '2026-01-31'])).toMatchObject({
      now: { day: isoDateToDay('2026-01-31') },
    });
    expect(parseCliArguments(['report', '--input', 'a', '--now', '2026-01-31T09:00:00+01:00'])).toMatchObject({
      now: { instant: Date.UTC(2026, 0, 31, 8) },
    });
  });

  it('asks for one CSV table by name when CSV goes to standard output', () => {
    expect(parseCliArguments(['report', '--input', 'a', '--format', 'csv', '--table', 'wip'])).toMatchObject({
      format: 'csv',
      table: 'wip',
      out: null,
    });
    expect(parseCliArguments(['report', '--input', 'a', '--format', 'csv', '--table', 'cfd', '--out', 'o'])).toMatchObject({
      table: 'cfd',
      out: 'o',
    });
    expect(() => parseCliArguments(['report', '--input', 'a', '--format', 'csv'])).toThrow(
      `--format csv writes one table to standard output: name it with --table (one of ${[...REPORT_TABLE_NAMES, ...PULL_REQUEST_TABLE_NAMES].join(', ')}), or give --out DIR for every table`,
    );
  });

  it('recognises help anywhere', () => {
    expect(parseCliArguments(['--help'])).toEqual({ command: 'help' });
    expect(parseCliArguments(['report', '-h'])).toEqual({ command: 'help' });
    expect(parseCliArguments(['help'])).toEqual({ command: 'help' });
  });

  it.each([
    [[], 'no command given'],
    [['forecast'], 'unknown command "forecast"'],
    [['report'], '--input is required'],
    [['report', '--input'], '--input needs a value'],
    [['report', '--input', '--now', 'x'], '--input needs a value'],
    [['report', '--input', 'a', '--verbose'], 'unknown option --verbose'],
    [['report', '--input', 'a', 'b'], 'unexpected argument "b"'],
    [['report', '--input', 'a', '--input', 'b'], '--input is given twice'],
    [
      ['report', '--input', 'a', '--now', '2026-01-31T09:00'],
      '--now: "2026-01-31T09:00" is neither a date (2026-01-31) nor a date-time with a time zone',
    ],
    [['report', '--input', 'a', '--now', '2026-02-30'], '--now: "2026-02-30" is neither a date'],
    [['report', '--input', 'a', '--format', 'csv', '--table', 'charts'], '--table: "charts" is not one of summary, items,'],
    [['report', '--input', 'a', '--table', 'wip'], '--table picks one CSV table: use it with --format csv'],
    [['report', '--input', 'a', '--now', '2026-02-30T00:00:00Z'], '--now: "2026-02-30T00:00:00Z"'],
    [['report', '--input', 'a', '--seed', '1.5'], '--seed: "1.5" is not a whole number'],
    [['report', '--input', 'a', '--format', 'xml'], '--format: "xml" is not one of json, csv'],
  ])('%j is refused', (argv, message) => {
    expect(() => parseCliArguments(argv)).toThrow(CliInputError);
    expect(() => parseCliArguments(argv)).toThrow(message);
  });
});
