/** The text of `flow-metrics --help`. */
export const HELP_TEXT = `flow-metrics: flow metrics and forecasts from Jira issue history

Usage:
  flow-metrics report --input FILE [--config FILE] [--now ISO] [--seed N]
                      [--format json|csv] [--out DIR]
  flow-metrics --help

Options:
  --input FILE     Issues as Jira's search API returns them with expand=changelog
                   (GET/POST /rest/api/3/search/jql): a JSON array of issues, or a page
                   object with an "issues" array. Each issue needs id, key,
                   fields.{issuetype, status, created, resolutiondate} and
                   changelog.histories. Use - to read standard input.
  --config FILE    Workflow and conventions as JSON: stages (statuses by name or id),
                   startStage, doneStage, conventions, window, forecast settings.
                   Without it, stages come from Jira's status categories
                   (To Do, In Progress, Done) and every convention has its default.
  --now ISO        The instant the report is "as of", with a time zone, e.g.
                   2026-01-31T00:00:00Z. Later changes are ignored. Default: now.
  --seed N         Seed of the Monte Carlo forecasts (whole number). Same input and
                   seed, same forecast. Default: 1.
  --format FORMAT  json (default): the whole report as one JSON document.
                   csv: one table per metric (items, percentiles, histogram, scatter,
                   throughput, net-flow, wip, cfd, aging, time-in-status,
                   forecast-how-many, forecast-when, forecast-backtest, summary).
  --out DIR        Write report.json, or one FILE.csv per table, into DIR (created if
                   needed) instead of printing to standard output.
  -h, --help       Show this help.

Exit codes: 0 report written; 2 bad arguments or bad input (the message names the
file, the issue key and the field); 1 unexpected failure.

The formats and every convention are described in docs/flow-metrics-cli.md.
`;
