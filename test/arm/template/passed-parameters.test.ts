import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, dataDisk, lintHits, pos, template, vm } from '../../helpers/lint.js';
import { innerDeployment } from '../../rules/formats.js';

const ULTRA = 'no-ultra-ssd';
/** More work than a unit may do (3 million steps): evaluating it leaves the work-limit warning. */
const EXPENSIVE = "[length(string(map(range(0, 10000), lambda('i', string(range(0, 300))))))]";
const WORK_LIMIT = /^Evaluation stopped: this unit needs more work than the linter allows/;

/** A template deploying an inner-scope nested template that passes `sku` and `other`, and reads `read`. */
function parent(read: 'sku' | 'other'): string {
  return template({
    resources: [
      innerDeployment(
        'inner',
        { sku: "[concat('Ultra', 'SSD_LRS')]", other: EXPENSIVE },
        {
          parameters: { sku: { type: 'string' }, other: { type: 'int' } },
          resources: [vm('vm1', { dataDisks: [dataDisk(0, read === 'sku' ? "[parameters('sku')]" : "[string(parameters('other'))]")] })],
        },
      ),
    ],
  });
}

describe('parameters a deployment passes', () => {
  it('are evaluated when the child template reads them, with the value and place the caller gives', () => {
    const t = parent('sku');
    const hits = lintHits({ 'main.json': t });
    assert.deepEqual(at(hits, ULTRA), [`main.json:${pos(t, `"[parameters('sku')]"`)}`]);
    assert.match(hits.find((h) => h.rule === ULTRA)!.message, /deployment 'inner'/);
    // `other` is never read: its value, over the unit's work limit, is not evaluated.
    assert.deepEqual(hits.filter((h) => h.rule === null).map((h) => h.message), []);
  });

  it('that the child reads cost their work there', () => {
    const hits = lintHits({ 'main.json': parent('other') });
    assert.ok(hits.some((h) => h.rule === null && WORK_LIMIT.test(h.message)), JSON.stringify(hits.map((h) => h.message)));
  });
});
