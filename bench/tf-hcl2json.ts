// Parses every `.tf` file under a directory with @cdktn/hcl2json (HashiCorp's parser as WASM),
// values only, in one fresh process: `node dist/bench/tf-hcl2json.js <dir>`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@cdktn/hcl2json';
import { tfFiles } from './terraform-corpus.js';

const files = tfFiles(path.resolve(process.argv[2] ?? '.'));
let keys = 0;
for (const f of files) keys += Object.keys(await parse(f, readFileSync(f, 'utf8'))).length;
process.stdout.write(`${files.length} files, ${keys} top-level keys\n`);
