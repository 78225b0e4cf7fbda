import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keptCopy, ownCopy } from '../../src/kernel/own-text.js';

describe('own and kept copies', () => {
  it('copy the text they are given', () => {
    const text = `{"location": "${'westeurope-'.repeat(3)}"}`;
    const cut = text.slice(14, 47);
    assert.equal(ownCopy(cut), cut);
    assert.equal(keptCopy(cut), cut);
    assert.equal(keptCopy(''), '');
    assert.equal(keptCopy('short'), 'short');
  });

  it('give the right text once their table has been emptied', () => {
    const texts = Array.from({ length: 10_000 }, (_, i) => `Standard_D${i}s_v3 in westeurope`);
    for (const t of texts) assert.equal(keptCopy(t), t);
    for (const t of texts.slice(0, 100)) assert.equal(keptCopy(t), t);
  });
});
