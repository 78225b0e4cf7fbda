// Preloaded into a measured process (`node --import <this file> …`): at exit, writes the
// process's CPU time (user + system, every thread) and peak resident set size to stderr, so that
// a benchmark compares CPU as well as wall time on a machine other work shares.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const u = process.resourceUsage();
  writeSync(2, `\nbench-usage cpu=${u.userCPUTime + u.systemCPUTime} maxrss=${u.maxRSS}\n`);
});
