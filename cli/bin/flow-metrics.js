#!/usr/bin/env node
'use strict';
// The `flow-metrics` command. Its code is compiled from the project's src/cli into ../build by
// `npm run build:cli`, which `npm ci` in the project and `npm pack` of this package run. The help is answered by a
// small file of its own; the report's file, with the engine, is loaded only for a report, and the configuration's
// reader (with its schema library) only when --config is given.
function load(file) {
  try {
    return require(file);
  } catch (error) {
    if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(file.slice(3))) {
      process.stderr.write('flow-metrics: the command is not compiled yet; run `npm run build:cli` in the project\n');
      process.exit(1);
    }
    throw error;
  }
}

const argv = process.argv.slice(2);
if (!load('../build/flow-metrics-help.js').answerAlone(argv)) {
  load('../build/flow-metrics.js').main(argv, () => load('../build/flow-metrics-config.js'));
}
