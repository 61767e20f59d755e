// Preloaded (`node --require`) into a process the benchmark measures: at exit, writes the process's own
// resource usage (peak memory, CPU time) as JSON to file descriptor 3, which the benchmark reads.
'use strict';
const { writeSync } = require('node:fs');

process.on('exit', () => {
  writeSync(3, JSON.stringify(process.resourceUsage()));
});
