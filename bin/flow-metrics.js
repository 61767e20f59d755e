#!/usr/bin/env node
'use strict';
// The `flow-metrics` command. The code is compiled from src/cli into bin/build/flow-metrics.js by
// `npm run build:cli`, which `npm ci` and `npm pack` run (the `prepare` script). In the project directory:
// `npx flow-metrics report --input issues.json`; elsewhere, after installing the packed tarball, the same.
let command;
try {
  command = require('./build/flow-metrics.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('build/flow-metrics.js')) {
    process.stderr.write('flow-metrics: the command is not compiled yet; run `npm run build:cli` in the project\n');
    process.exit(1);
  }
  throw error;
}
command.main(process.argv.slice(2));
