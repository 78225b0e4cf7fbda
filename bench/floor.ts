// The floor the CLI is measured against: read every JSON file under a directory and parse it
// with jsonc-parser, nothing else. Run in a fresh process: `node dist/bench/floor.js <dir>`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTree, type ParseError } from 'jsonc-parser';

const dir = path.resolve(process.argv[2] ?? '.');
let nodes = 0;
for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
  const errors: ParseError[] = [];
  const root = parseTree(readFileSync(path.join(entry.parentPath, entry.name), 'utf8'), errors, { allowTrailingComma: true });
  nodes += root?.children?.length ?? 0;
}
process.stdout.write(`${nodes}\n`);
