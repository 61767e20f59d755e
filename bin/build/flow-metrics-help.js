var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/cli/help-main.ts
var help_main_exports = {};
__export(help_main_exports, {
  answerAlone: () => answerAlone
});
module.exports = __toCommonJS(help_main_exports);

// src/cli/csv-table-names.ts
var REPORT_TABLE_NAMES = [
  "summary",
  "items",
  "percentiles",
  "histogram",
  "scatter",
  "throughput",
  "net-flow",
  "wip",
  "cfd",
  "aging",
  "time-in-status",
  "forecast-how-many",
  "forecast-when",
  "forecast-backtest"
];
var PULL_REQUEST_TABLE_NAMES = [
  "pull-request-summary",
  "pull-request-phases",
  "pull-request-sizes",
  "pull-request-waiting",
  "pull-request-time-split"
];

// src/cli/cli-help.ts
function isHelpRequest(argv) {
  return argv.includes("--help") || argv.includes("-h") || argv[0] === "help";
}
function wrapList(words, indent, width) {
  const lines = [];
  let line = "";
  for (const [k, word] of words.entries()) {
    const piece = k < words.length - 1 ? `${word},` : word;
    if (line !== "" && indent.length + line.length + 1 + piece.length > width) {
      lines.push(line);
      line = piece;
    } else {
      line = line === "" ? piece : `${line} ${piece}`;
    }
  }
  lines.push(line);
  return lines.join(`
${indent}`);
}
var TABLE_INDENT = " ".repeat(19);
var HELP_TEXT = `flow-metrics: flow metrics and forecasts from Jira issue history

Usage:
  flow-metrics report --input FILE [--config FILE] [--now DATE|ISO] [--seed N]
                      [--format json|csv] [--table NAME] [--out DIR]
                      [--pull-requests owner/name=FILE ...]
  flow-metrics --help

Options:
  --input FILE     Issues as Jira's search API returns them with expand=changelog
                   (GET/POST /rest/api/3/search/jql): a JSON array of issues, or a page
                   object with an "issues" array. Each issue needs id, key,
                   fields.{issuetype, status, created, resolutiondate} and
                   changelog.histories. Read as a stream: any size fits in memory.
                   Use - to read standard input.
  --config FILE    Workflow and conventions as JSON: stages (statuses by name or id),
                   startStage, doneStage, conventions, window, forecast settings.
                   Without it, stages come from Jira's status categories
                   (To Do, In Progress, Done) and every convention has its default.
  --now DATE|ISO   The instant the report is "as of": a date such as 2026-01-31 (the
                   start of that day in the configured time zone) or a date-time
                   with a time zone, such as 2026-01-31T09:00:00Z. Later changes are
                   ignored. Default: now.
  --seed N         Seed of the Monte Carlo forecasts (whole number). Same input and
                   seed, same forecast. Default: 1.
  --format FORMAT  json (default): the whole report as one JSON document.
                   csv: one table per metric.
  --table NAME     With csv, the one table to write; required without --out:
                   ${wrapList(REPORT_TABLE_NAMES, TABLE_INDENT, 86)};
                   with --pull-requests also
                   ${wrapList(PULL_REQUEST_TABLE_NAMES, TABLE_INDENT, 86)}.
  --out DIR        Write report.json, or one NAME.csv per table, into DIR (created if
                   needed) instead of printing to standard output.
  --pull-requests owner/name=FILE
                   Pull requests of one GitHub repository, as answers of the GraphQL
                   query the app's sync sends (one answer, or an array of pages as
                   \`gh api graphql --paginate --slurp\` writes). Repeat for more
                   repositories. Adds a "pullRequests" section to the JSON report, and
                   the pull-request-* tables to the CSV ones: the Pull requests tab's
                   phases, sizes, waiting pull requests, share of items with a pull
                   request and where their cycle time went (hours).
  -h, --help       Show this help.

Exit codes: 0 report written; 2 bad arguments or bad input (the message names the
file, the issue key and the field); 1 unexpected failure.

The formats and every convention are described in docs/flow-metrics-cli.md.
`;

// src/cli/help-main.ts
function answerAlone(argv) {
  if (!isHelpRequest(argv)) return false;
  process.stdout.write(HELP_TEXT);
  return true;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  answerAlone
});
