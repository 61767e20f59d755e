#!/usr/bin/env node
'use strict';
// The `flow-metrics` command. It runs the TypeScript sources directly through tsx (a devDependency of this
// project), so there is no build step. In the project directory: `npx flow-metrics report --input issues.json`
// (npm runs the package's own `flow-metrics` bin), or `node bin/flow-metrics.js report --input issues.json`.
const { require: tsxRequire } = require('tsx/cjs/api');

tsxRequire('../src/cli/main.ts', __filename).main(process.argv.slice(2));
