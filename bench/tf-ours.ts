// Parses and evaluates every Terraform module under a directory as a lint run does (each module
// once, each file parsed once and shared by the modules that call it), without the rules, in one
// fresh process: `node dist/bench/tf-ours.js <dir>`.
import path from 'node:path';
import { ProjectFs } from '../src/kernel/project-fs.js';
import { discoverFiles } from '../src/engine/discover.js';
import { claimsOf, UnitIndex } from '../src/engine/units.js';
import { terraformDir } from '../src/sources/terraform-dir.js';

const dir = path.resolve(process.argv[2] ?? '.');
const fs = new ProjectFs(dir);
// Found as a CLI run finds them: the walk tells the project's file system each directory's files,
// so the modules' loading does not list the directories again.
const claims = claimsOf([terraformDir]);
const { files } = discoverFiles(['.'], dir, (name) => claims(name).length > 0, [], (d, names, fromParent, linked) => fs.seedListing(d, names, fromParent, linked));
const units = new UnitIndex(fs, {}, [terraformDir]);
const seen = new Set<string>();
let vms = 0;
for (const file of files) {
  for (const unit of units.unitsOf(file)) {
    if (seen.has(unit.key)) continue;
    seen.add(unit.key);
    vms += units.evaluate(unit).models[0]?.vms.length ?? 0;
  }
}
process.stdout.write(`${seen.size} modules, ${vms} VMs\n`);
