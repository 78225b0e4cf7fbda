import fc from 'fast-check';
import { describe, it } from 'node:test';
import { fuzzParameters, lintsSafely } from './check.js';
import { hclExpression } from './expressions.js';
import { mutatedProject, replaceNth } from './mutate.js';
import { terraformSeeds, type Project } from './seeds.js';

const seeds = terraformSeeds();

/** Attribute values (`name = value` up to the end of the line); group 1 is the value. */
const ATTRIBUTE_VALUE = /^[ \t]*[A-Za-z_][\w-]*[ \t]*=[ \t]*([^\n{]+)$/gm;

/** A seed module with one attribute's value replaced by a random expression. */
const expressionInSeed: fc.Arbitrary<Project> = fc
  .tuple(fc.constantFrom(...seeds), fc.nat(), fc.nat(), hclExpression)
  .map(([project, fileIndex, valueIndex, expr]) => {
    const names = Object.keys(project).filter((n) => n.endsWith('.tf') || n.endsWith('.tfvars'));
    if (names.length === 0) return project;
    const file = names[fileIndex % names.length]!;
    return { ...project, [file]: replaceNth(project[file]!, ATTRIBUTE_VALUE, valueIndex, expr) };
  });

/** A seed module with `count` or `for_each` of a random expression on its first resource. */
const expansionInSeed: fc.Arbitrary<Project> = fc
  .tuple(fc.constantFrom(...seeds), fc.constantFrom('count', 'for_each'), fc.oneof(fc.constantFrom('0', '1', '-1', '10001', '1e9', '0.5', 'null', '"3"'), hclExpression))
  .map(([project, meta, expr]) => {
    const out: Record<string, string> = { ...project };
    for (const [name, text] of Object.entries(project)) {
      const m = /^resource "[^"]+" "[^"]+" \{\n/m.exec(text);
      if (!m) continue;
      const at = m.index + m[0].length;
      out[name] = `${text.slice(0, at)}  ${meta} = ${expr}\n${text.slice(at)}`;
      break;
    }
    return out;
  });

describe('fuzzing Terraform', { skip: seeds.length === 0 ? 'no Terraform seeds (examples/terraform, test/fixtures/hcl)' : false }, () => {
  it('survives byte flips, truncations, deletions, duplications and token insertions', () => {
    fc.assert(fc.property(mutatedProject(seeds, 'hcl'), lintsSafely), fuzzParameters(400));
  });

  it('survives random expressions in attribute values', () => {
    fc.assert(fc.property(expressionInSeed, lintsSafely), fuzzParameters(400));
  });

  it('survives random count and for_each', () => {
    fc.assert(fc.property(expansionInSeed, lintsSafely), fuzzParameters(200));
  });
});
