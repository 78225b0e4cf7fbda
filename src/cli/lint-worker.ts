// A worker thread of a parallel CLI run: lints the groups of files it is sent, each group with
// its own linter, and answers with the group's results and the files its units touched.
import { parentPort, workerData } from 'node:worker_threads';
import type { LintOptions } from '../engine/options.js';
import { ProjectFs } from '../kernel/project-fs.js';
import { lintGroup, type GroupRequest, type WorkerSetup } from './workers.js';

const setup = workerData as WorkerSetup;
const fs = new ProjectFs(setup.root, false, setup.extraRoots);
const options: LintOptions = setup.options;

parentPort!.on('message', (request: GroupRequest) => parentPort!.postMessage(lintGroup(fs, options, request)));
