// The floor Terraform evaluation is measured against: read every `.tf` file under a directory
// and parse it with our own HCL parser, nothing else: `node dist/bench/tf-parse.js <dir>`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHcl } from '../src/syntax/hcl/parser.js';
import { tfFiles } from './terraform-corpus.js';

const dir = path.resolve(process.argv[2] ?? '.');
let items = 0;
for (const file of tfFiles(dir)) items += parseHcl(readFileSync(file, 'utf8'), file).body.items.length;
process.stdout.write(`${items}\n`);
