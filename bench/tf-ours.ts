// Parses and evaluates every Terraform module under a directory as a lint run does (each module
// once, each file parsed once and shared by the modules that call it), without the rules, in one
// fresh process: `node dist/bench/tf-ours.js <dir>`.
import path from 'node:path';
import { ProjectFs } from '../src/kernel/project-fs.js';
import { UnitIndex } from '../src/engine/units.js';
import { terraformDir } from '../src/sources/terraform-dir.js';
import { tfFiles } from './terraform-corpus.js';

const dir = path.resolve(process.argv[2] ?? '.');
const units = new UnitIndex(new ProjectFs(dir), {}, [terraformDir]);
const seen = new Set<string>();
let vms = 0;
for (const file of tfFiles(dir)) {
  for (const unit of units.unitsOf(file)) {
    if (seen.has(unit.key)) continue;
    seen.add(unit.key);
    vms += units.evaluate(unit).models[0]?.vms.length ?? 0;
  }
}
process.stdout.write(`${seen.size} modules, ${vms} VMs\n`);
