import { parseCliArguments } from './cli-arguments';
import { CliInputError } from './cli-error';

describe('command-line arguments', () => {
  it('reads the report options, in both --name value and --name=value forms', () => {
    expect(parseCliArguments(['report', '--input', 'issues.json', '--config=workflow.json', '--now', '2026-01-31T00:00:00Z', '--seed', '7', '--format', 'csv', '--out', 'out'])).toEqual({
      command: 'report',
      input: 'issues.json',
      config: 'workflow.json',
      now: Date.UTC(2026, 0, 31),
      seed: 7,
      format: 'csv',
      out: 'out',
    });
  });

  it('has defaults for everything but the input', () => {
    expect(parseCliArguments(['report', '--input', '-'])).toEqual({ command: 'report', input: '-', config: null, now: null, seed: 1, format: 'json', out: null });
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
    [['report', '--input', 'a', '--now', '2026-01-31'], '--now: "2026-01-31" is not a date-time with a time zone'],
    [['report', '--input', 'a', '--now', '2026-02-30T00:00:00Z'], '--now: "2026-02-30T00:00:00Z"'],
    [['report', '--input', 'a', '--seed', '1.5'], '--seed: "1.5" is not a whole number'],
    [['report', '--input', 'a', '--format', 'xml'], '--format: "xml" is not one of json, csv'],
  ])('%j is refused', (argv, message) => {
    expect(() => parseCliArguments(argv)).toThrow(CliInputError);
    expect(() => parseCliArguments(argv)).toThrow(message);
  });
});
