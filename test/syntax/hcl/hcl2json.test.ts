/**
 * Differential test against HashiCorp's own parser (Go, compiled to WASM in @cdktn/hcl2json): for
 * every `.tf` file under test/fixtures, both parsers must agree on the values, and on whether the
 * file has a syntax error at all.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHcl } from '../../../src/syntax/hcl/index.js';
import { toHcl2Json } from './to-hcl2json.js';

type Hcl2Json = typeof import('@cdktn/hcl2json');
const { parse: hcl2json } = createRequire(import.meta.url)('@cdktn/hcl2json') as Hcl2Json;

// Tests run from dist/test/…; fixtures stay in the source tree.
const fixturesDir = fileURLToPath(new URL('../../../../test/fixtures/', import.meta.url));

function tfFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tfFiles(path));
    else if (entry.name.endsWith('.tf')) out.push(path);
  }
  return out.sort();
}

describe('HCL parser agrees with hcl2json', () => {
  const files = tfFiles(fixturesDir);

  it('has a fixture corpus', () => {
    assert.ok(files.length >= 15, `only ${files.length} .tf fixtures`);
  });

  for (const path of files) {
    const name = relative(fixturesDir, path);
    it(name, async () => {
      const text = readFileSync(path, 'utf8');
      const ours = parseHcl(text);
      let theirs: unknown;
      let theirError: string | undefined;
      try {
        theirs = await hcl2json(name, text);
      } catch (e) {
        theirError = String(e instanceof Error ? e.message : e);
      }
      if (theirError !== undefined) {
        assert.ok(ours.errors.length > 0, `hcl2json rejects ${name} (${theirError}) but we accept it`);
        return;
      }
      assert.deepEqual(ours.errors, [], `hcl2json accepts ${name} but we report errors`);
      assert.deepStrictEqual(JSON.parse(JSON.stringify(toHcl2Json(ours, text))), theirs);
    });
  }
});
