import fc from 'fast-check';
import { describe, it } from 'node:test';
import { dataDisk, parameterFile, template, vm } from '../helpers/lint.js';
import { fuzzParameters, lintsSafely } from './check.js';
import { armExpression, armStringValue } from './expressions.js';
import { mutatedProject, replaceNth } from './mutate.js';
import { armSeeds, type Project } from './seeds.js';

const seeds = armSeeds();

/** JSON string values (`: "…"`); group 1 is the content between the quotes. */
const STRING_VALUE = /: "((?:[^"\\\n]|\\.)*)"/g;

const jsonStringContent = (s: string) => JSON.stringify(s).slice(1, -1);

/** A seed project with one string value replaced by an expression or text. */
const expressionInSeed: fc.Arbitrary<Project> = fc
  .tuple(fc.constantFrom(...seeds), fc.nat(), fc.nat(), armStringValue)
  .map(([project, fileIndex, valueIndex, value]) => {
    const names = Object.keys(project);
    const file = names[fileIndex % names.length]!;
    return { ...project, [file]: replaceNth(project[file]!, STRING_VALUE, valueIndex, jsonStringContent(value)) };
  });

const copyCount = fc.oneof(
  fc.constantFrom(0, 1, 800, 801, -1, 1e9, 0.5),
  armExpression.map((e) => `[${e}]`),
);

/** A seed project whose first VM or disk gets a copy loop of a random count. */
const copyInSeed: fc.Arbitrary<Project> = fc.tuple(fc.constantFrom(...seeds), copyCount).map(([project, count]) => {
  const out: Record<string, string> = { ...project };
  for (const [name, text] of Object.entries(project)) {
    const at = text.search(/"type": "Microsoft\.Compute\/(virtualMachines|disks)"/i);
    if (at < 0) continue;
    out[name] = `${text.slice(0, at)}"copy": {"name": "fz", "count": ${JSON.stringify(count)}}, ${text.slice(at)}`;
    break;
  }
  return out;
});

/** Small templates built from random settings, with a parameter file half the time. */
const generated: fc.Arbitrary<Project> = fc
  .record({
    size: fc.oneof(fc.constantFrom('Standard_A0', 'Standard_D4s_v5', "[parameters('size')]"), armStringValue),
    disks: fc.array(fc.oneof(fc.constantFrom('Premium_LRS', 'UltraSSD_LRS', 'PremiumV2_LRS'), armStringValue), { maxLength: 4 }),
    count: copyCount,
    paramValue: fc.oneof(fc.constantFrom('Standard_B1s', 'x'), fc.integer(), fc.constant(null)),
    withParams: fc.boolean(),
  })
  .map(({ size, disks, count, paramValue, withParams }): Project => {
    const t = template({
      parameters: { size: { type: 'string', defaultValue: 'Standard_D2s_v5' } },
      resources: [
        vm('vm', { dataDisks: disks.map((d, i) => dataDisk(i, d)) }, { copy: { name: 'vms', count }, properties: { hardwareProfile: { vmSize: size } } }),
      ],
    });
    return withParams ? { 't.json': t, 't.parameters.json': parameterFile({ size: paramValue }) } : { 't.json': t };
  });

describe('fuzzing ARM templates', () => {
  it('survives byte flips, truncations, deletions, duplications and token insertions', () => {
    fc.assert(fc.property(mutatedProject(seeds, 'json'), lintsSafely), fuzzParameters(400));
  });

  it('survives random expressions in string values', () => {
    fc.assert(fc.property(expressionInSeed, lintsSafely), fuzzParameters(400));
  });

  it('survives random copy counts', () => {
    fc.assert(fc.property(copyInSeed, lintsSafely), fuzzParameters(150));
  });

  it('survives generated templates with parameter files', () => {
    fc.assert(fc.property(generated, lintsSafely), fuzzParameters(300));
  });
});
