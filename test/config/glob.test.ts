import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compileGlob, matchesGlob } from '../../src/config/glob.js';

/**
 * The regular expression the globs used to compile to: right on small inputs, exponential on
 * hostile ones. The automaton must agree with it wherever it finishes.
 */
function oracle(glob: string): RegExp {
  const anchored = glob.includes('/') ? glob.replace(/^\.?\//, '') : `**/${glob}`;
  let re = '';
  let braces = 0;
  for (let i = 0; i < anchored.length; i++) {
    const c = anchored[i]!;
    if (c === '*' && anchored[i + 1] === '*') {
      const slash = anchored[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const globChars = fc.constantFrom('a', 'b', '/', '*', '**', '**/', '?', '.', '{', '}', ',');
const pathChars = fc.constantFrom('a', 'b', '/', '.');

describe('paramFiles globs', () => {
  it('agree with the regular expressions they replace', () => {
    fc.assert(
      fc.property(fc.array(globChars, { maxLength: 8 }), fc.array(pathChars, { maxLength: 10 }), (g, p) => {
        const glob = g.join('');
        let re: RegExp;
        try {
          re = oracle(glob);
        } catch {
          return; // an unclosed brace made the old expression invalid; the automaton reads it literally
        }
        const relPath = p.join('');
        assert.equal(compileGlob(glob).test(relPath), re.test(relPath), `${glob} ~ ${relPath}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('nest braces, and read an unclosed brace as itself', () => {
    assert.ok(matchesGlob('env/prod.json', 'env/{dev,{prod,test}}.json'));
    assert.ok(!matchesGlob('env/stage.json', 'env/{dev,{prod,test}}.json'));
    assert.ok(matchesGlob('a{b.json', 'a{b.json'));
    assert.ok(matchesGlob('x/a,b}.json', 'x/a,b}.json'));
  });

  it('finish in linear time on patterns that make a backtracking matcher hang', () => {
    const long = `${'a/'.repeat(500)}${'a'.repeat(3000)}`;
    assert.equal(matchesGlob(long, '**/*a*a*a*a*a*a*a*a*b'), false);
    assert.equal(matchesGlob(`${long}b`, '**/*a*a*a*a*a*a*a*a*b'), true);
    const deep = `${'x/'.repeat(2000)}z`;
    assert.equal(matchesGlob(deep, '**/x/**/x/**/x/**/x/**/x/**/y'), false);
    assert.equal(matchesGlob(deep, '{**/x,x/**}/{**/x,x/**}/**/{y,z}'), true);
  });

  it('read absurdly nested braces as literals instead of exhausting the stack', () => {
    const glob = `${'{a,'.repeat(5000)}b${'}'.repeat(5000)}`;
    assert.ok(!matchesGlob('b', glob));
    assert.ok(matchesGlob(glob, glob));
    assert.ok(matchesGlob('b', `${'{a,'.repeat(32)}b${'}'.repeat(32)}`));
  });
});
