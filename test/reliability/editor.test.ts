// The editor's ESLint process lives for hours: its caches must stay bounded by what they hold,
// and linting a folder must not read each sibling again for every file. Counted, not timed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ESLint } from 'eslint';
import plugin from '../../src/index.js';
import { cachedSizes } from '../../src/kernel/sized-cache.js';
import { template, vm } from '../helpers/lint.js';
import { tempProject } from '../eslint/temp.js';

function eslintIn(cwd: string): ESLint {
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: plugin.configs.recommended as ESLint.Options['overrideConfig'] });
}

/** A large template: many VMs, each with a long expression that an edit changes. */
function largeTemplate(edit: number): string {
  const long = (i: number) => `[concat('${'x'.repeat(4_000)}', '${edit}-${i}', ${Array.from({ length: 40 }, (_, k) => `string(${k + edit})`).join(', ')})]`;
  return template({ resources: Array.from({ length: 60 }, (_, i) => vm(`vm${i}`, {}, { tags: { note: long(i) } })) });
}

/** Heap bytes in use after a full collection: what the process keeps, not what it has yet to free. */
function heapKept(): number {
  v8.setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return v8.getHeapStatistics().used_heap_size;
}

describe('an editor re-linting one large template', () => {
  let project: ReturnType<typeof tempProject>;
  before(() => (project = tempProject({ 'main.json': largeTemplate(0) })));
  after(() => project.remove());

  it('keeps its caches bounded by size over 600 edits, each making new expression texts', async () => {
    const eslint = eslintIn(project.dir);
    const file = path.join(project.dir, 'main.json');
    const text0 = largeTemplate(0);
    assert.ok(text0.length > 200_000, 'a large template');
    let early = 0;
    let earlyHeap = 0;
    for (let edit = 1; edit <= 600; edit++) {
      const [result] = await eslint.lintText(largeTemplate(edit), { filePath: file });
      assert.equal(result!.fatalErrorCount, 0);
      if (edit === 100) {
        early = cachedSizes();
        earlyHeap = heapKept();
      }
    }
    const late = cachedSizes();
    const lateHeap = heapKept();
    // The 500 edits in between made 30,000 expression texts of 4,300 characters (130 MB).
    assert.ok(lateHeap - earlyHeap < 40_000_000, `heap kept grew from ${earlyHeap} to ${lateHeap} bytes`);
    // 600 edits × 60 new expressions of 4,300 characters each would be 155 million characters kept
    // by a count bound; the size bounds hold the caches at what a few versions of the file need.
    assert.ok(late <= 50_000_000, `cached ${late} characters`);
    assert.ok(late <= early * 1.5 + 1_000_000, `flat: ${early} after 100 edits, ${late} after 600`);
  });
});

describe('ESLint over a folder of sibling templates', () => {
  const SIBLINGS = 40;
  let project: ReturnType<typeof tempProject>;
  before(() => {
    const files: Record<string, string> = {};
    for (let i = 0; i < SIBLINGS; i++) {
      files[`t${i}.json`] = template({ resources: [vm(`vm${i}`, {})] });
      files[`t${i}.parameters.json`] = JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: {} });
    }
    project = tempProject(files);
  });
  after(() => project.remove());

  it('opens each sibling a bounded number of times, not once per linted file', async () => {
    const opened = new Map<string, number>();
    const original = fs.openSync;
    fs.openSync = ((p: fs.PathLike, ...rest: unknown[]) => {
      const key = String(p);
      opened.set(key, (opened.get(key) ?? 0) + 1);
      return (original as (...a: unknown[]) => number)(p, ...rest);
    }) as typeof fs.openSync;
    syncBuiltinESMExports();
    try {
      const results = await eslintIn(project.dir).lintFiles(['.']);
      assert.equal(results.length, SIBLINGS * 2);
    } finally {
      fs.openSync = original;
      syncBuiltinESMExports();
    }
    const ours = [...opened].filter(([p]) => p.startsWith(project.dir));
    assert.ok(ours.length >= SIBLINGS, 'the engine read the templates through the counted call');
    const most = Math.max(...ours.map(([, n]) => n));
    assert.ok(most <= 2, `a file was opened ${most} times for ${SIBLINGS * 2} linted files`);
  });
});
