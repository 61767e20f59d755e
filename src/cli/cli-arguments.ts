/**
 * Command-line arguments of `flow-metrics`: `report --input FILE [--config FILE] [--now ISO] [--seed N]
 * [--format json|csv] [--out DIR]`, each also as `--name=value`, and `--help` anywhere.
 */
import { parseIsoTimestamp } from '../domain';
import { CliInputError } from './cli-error';

export type OutputFormat = 'json' | 'csv';

export interface ReportArguments {
  command: 'report';
  input: string;
  config: string | null;
  /** Epoch ms; null for the current time. */
  now: number | null;
  seed: number;
  format: OutputFormat;
  out: string | null;
}

export type CliArguments = { command: 'help' } | ReportArguments;

const VALUE_OPTIONS = ['--input', '--config', '--now', '--seed', '--format', '--out'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

/** @throws CliInputError for unknown commands or options, missing or malformed values. */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { command: 'help' };
  const [command, ...rest] = argv;
  if (command === undefined) throw new CliInputError('no command given; try: flow-metrics report --input issues.json (or --help)');
  if (command !== 'report') throw new CliInputError(`unknown command "${command}"; the command is "report" (see --help)`);

  const values = new Map<ValueOption, string>();
  for (let k = 0; k < rest.length; k++) {
    const arg = rest[k]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) {
      throw new CliInputError(arg.startsWith('-') ? `unknown option ${name} (see --help)` : `unexpected argument "${arg}" (see --help)`);
    }
    const value = inline ?? rest[++k];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new CliInputError(`${name} needs a value (see --help)`);
    if (values.has(name as ValueOption)) throw new CliInputError(`${name} is given twice`);
    values.set(name as ValueOption, value);
  }

  const input = values.get('--input');
  if (input === undefined) throw new CliInputError('--input is required: a JSON file of issues in search/jql shape with changelog (see --help)');

  let now: number | null = null;
  const nowText = values.get('--now');
  if (nowText !== undefined) {
    now = parseIsoTimestamp(nowText);
    if (Number.isNaN(now)) throw new CliInputError(`--now: "${nowText}" is not a date-time with a time zone, e.g. 2026-01-31T00:00:00Z`);
  }

  let seed = 1;
  const seedText = values.get('--seed');
  if (seedText !== undefined) {
    seed = Number(seedText);
    if (!/^-?\d+$/.test(seedText) || !Number.isSafeInteger(seed)) throw new CliInputError(`--seed: "${seedText}" is not a whole number`);
  }

  const format = values.get('--format') ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new CliInputError(`--format: "${format}" is not one of json, csv`);

  return { command: 'report', input, config: values.get('--config') ?? null, now, seed, format, out: values.get('--out') ?? null };
}
