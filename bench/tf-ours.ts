// Parses and evaluates every Terraform module under a directory, as the linter does, in one
// fresh process: `node dist/bench/tf-ours.js <dir>`.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ProjectFs } from '../src/kernel/project-fs.js';
import { evaluateTerraformModule } from '../src/sources/terraform-dir.js';

const dir = path.resolve(process.argv[2] ?? '.');
const fs = new ProjectFs(dir);
const modules = new Set<string>();
for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile() && e.name.endsWith('.tf')) modules.add(e.parentPath);
let resources = 0;
for (const m of [...modules].sort()) resources += evaluateTerraformModule(m, fs, {}).models[0]?.vms.length ?? 0;
process.stdout.write(`${modules.size} modules, ${resources} VMs\n`);
