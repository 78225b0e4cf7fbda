// Design §10: every `.bicep` and `.bicepparam` of the differential oracle's pairs parses without a
// diagnostic. The oracle lives outside the product (`../shared/bicep-oracle`); without it this skips.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseBicep } from '../../../src/syntax/bicep/index.js';
import { REPO_ROOT } from '../../helpers/cli.js';

const PAIRS = path.resolve(REPO_ROOT, '../shared/bicep-oracle/pairs');

function bicepFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? bicepFiles(p) : /\.bicep(param)?$/i.test(e.name) ? [p] : [];
  });
}

describe('the Bicep oracle pairs', () => {
  it('parse without a diagnostic', { skip: existsSync(PAIRS) ? false : 'no ../shared/bicep-oracle here' }, () => {
    const files = bicepFiles(PAIRS);
    assert.ok(files.length > 0);
    const broken = files.flatMap((file) => {
      const parsed = parseBicep(readFileSync(file, 'utf8'), { file, params: /\.bicepparam$/i.test(file) });
      return parsed.diagnostics.map((d) => `${path.relative(PAIRS, file)}: ${d.summary}`);
    });
    assert.deepEqual(broken, []);
  });
});
