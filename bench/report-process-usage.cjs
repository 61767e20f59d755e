// Preloaded (`node --require`) into a process the benchmark measures: at exit, writes the process's own
// resource usage (peak memory, CPU time: every thread's) as JSON to file descriptor 3, which the benchmark reads.
// A preload runs in each worker thread too (the command reads a large export with one): only the process's main
// thread, which exits last, writes.
'use strict';
const { writeSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

if (isMainThread) {
  process.on('exit', () => {
    writeSync(3, JSON.stringify(process.resourceUsage()));
  });
}
