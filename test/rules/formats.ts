// Format-level rule tests: one table per rule, run through the whole pipeline (ARM JSON, Bicep
// JSON languageVersion 1 and 2.0, `.bicep` source, Terraform) and asserting the exact
// file:line:column of every finding. `valueCases` generates the standard sources of a value
// (literal, parameter default, parameter file, `.bicepparam`, variable, copy and `for` loops,
// nested deployment, Bicep module, conditional, tfvars, locals, for_each, count, child module…)
// from one description of where the value sits; rules add hand-written cases for the rest.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LintOptions } from '../../src/engine/options.js';
import { at, lintHits, parameterFile, pos, SCHEMA, template } from '../helpers/lint.js';
import { bicepExpression, bicepNeedle, bicepParam, bicepResources, bicepValue } from './bicep-source.js';

export interface FormatCase {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  readonly options?: LintOptions;
  /** Every finding of the rule as `file:line:col`, in report order. */
  readonly expected: readonly string[];
  /** What every finding's message must say. */
  readonly message?: RegExp;
}

/** One `describe` per rule, one `it` per case. */
export function formatSuite(rule: string, cases: readonly FormatCase[]): void {
  describe(`${rule} on ARM, Bicep and Terraform`, () => {
    for (const c of cases) {
      it(c.name, () => {
        const hits = lintHits(c.files, c.options);
        assert.deepEqual(at(hits, rule), c.expected);
        for (const h of hits.filter((x) => x.rule === rule)) if (c.message) assert.match(h.message, c.message);
      });
    }
  });
}

export type Resource = Record<string, unknown>;

/** Where the value sits in a template; the site is found again by this marker in the JSON text. */
const MARK = '@@site@@';
const QUOTED_MARK = `"${MARK}"`;

/** `file:line:col` of `needle` in `text` (after `after`). */
export function loc(file: string, text: string, needle: string, after = ''): string {
  return `${file}:${pos(text, needle, after)}`;
}

/** Bicep's generator stamp, which makes a template Bicep output. */
export const BICEP = { _generator: { name: 'bicep', version: '0.30.23.60470', templateHash: '1' } };

/** A nested deployment, inner scope, as Bicep compiles a module (or a hand-written one). */
export function innerDeployment(name: string, parameters: Record<string, unknown>, inner: Record<string, unknown>): Resource {
  return {
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2022-09-01',
    name,
    properties: {
      expressionEvaluationOptions: { scope: 'inner' },
      mode: 'Incremental',
      parameters: Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, { value: v }])),
      template: { $schema: SCHEMA, contentVersion: '1.0.0.0', ...inner },
    },
  };
}

function paramType(v: unknown): string {
  if (typeof v === 'number') return 'int';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' && v !== null ? 'object' : 'string';
}

/** Terraform loop on the site resource, and how resources that follow it one to one refer to it. */
export interface TfLoop {
  /** Meta-argument line(s) for the site resource, indented and newline-terminated ('' for none). */
  readonly meta: string;
  /** Meta-argument line(s) and the id expression for a resource that follows `address` one to one. */
  follow(address: string): { meta: string; id: string };
  /** The ids of all instances of `address`, as a list expression. */
  ids(address: string): string;
}

export const NO_LOOP: TfLoop = {
  meta: '',
  follow: (a) => ({ meta: '', id: `${a}.id` }),
  ids: (a) => `[${a}.id]`,
};

function forEachLoop(map: string): TfLoop {
  return {
    meta: `  for_each = ${map}\n`,
    follow: (a) => ({ meta: `  for_each = ${a}\n`, id: 'each.value.id' }),
    ids: (a) => `[for r in ${a} : r.id]`,
  };
}

function countLoop(n: number): TfLoop {
  return {
    meta: `  count = ${n}\n`,
    follow: (a) => ({ meta: `  count = ${n}\n`, id: `${a}[count.index].id` }),
    ids: (a) => `${a}[*].id`,
  };
}

type CaseKind =
  | 'arm-copy'
  | 'arm-nested'
  | 'bicep'
  | 'bicep-source'
  | 'tf'
  | 'tf-for-each'
  | 'tf-count'
  | 'tf-module';

/** A rule whose finding depends on one value: where it sits in each format, and a bad and a good one. */
export interface ValueSite {
  /** Resources with `v` at the site; `v` is the literal or the expression that yields it. */
  readonly arm: (v: unknown) => Resource[];
  readonly bad: unknown;
  readonly good: unknown;
  /** Where the finding points when it is not the value itself (a JSON needle, e.g. `"dataDisks"`). */
  readonly armAt?: string;
  /** The same place in `.bicep` source, when the needle written from `armAt` (`dataDisks:`) is not it. */
  readonly bicepAt?: string;
  /** Resource copy (default) of the site resource, or a property copy: resources with `v` where `index` is copyIndex. */
  readonly armCopy?: { readonly index: string; readonly resources: (v: unknown) => Resource[] };
  /** main.tf with `expr` at the site and `loop` on the site resource. */
  readonly tf?: (expr: string, loop: TfLoop) => string;
  readonly tfBad?: string;
  readonly tfGood?: string;
  /** Where the Terraform finding points when it is not the value itself (an HCL needle). */
  readonly tfAt?: string;
  readonly options?: LintOptions;
  /** Generated cases that make no sense for this rule. */
  readonly skip?: readonly CaseKind[];
  /** The finding does not depend on the value being known (e.g. any `vhd.uri` makes a disk unmanaged). */
  readonly unknownFinds?: boolean;
}

/** The template text with `v` at the site, and where the finding is expected. */
function place(site: ValueSite, build: (mark: unknown) => string, v: unknown, file = 'main.json', anchor = ''): { text: string; expected: string } {
  const withMark = build(MARK);
  const markAt = withMark.indexOf(QUOTED_MARK);
  if (markAt < 0) throw new Error('the site marker is not in the template');
  const text = withMark.replace(QUOTED_MARK, JSON.stringify(v));
  if (site.armAt) return { text, expected: loc(file, text, site.armAt, anchor) };
  return { text, expected: `${file}:${lineCol(withMark, markAt)}` };
}

function siteResource(resources: Resource[]): Resource {
  const found = resources.find((r) => JSON.stringify(r).includes(QUOTED_MARK));
  if (!found) throw new Error('no resource holds the site');
  return found;
}

function armCases(site: ValueSite): FormatCase[] {
  const skip = new Set(site.skip ?? []);
  const options = site.options ?? {};
  const type = paramType(site.bad);
  const literal = (v: unknown) => place(site, (m) => template({ resources: site.arm(m) }), v);
  const fail = literal(site.bad);
  const pass = literal(site.good);
  const param = (defaultValue: unknown) =>
    place(site, (m) => template({ parameters: { p: { type, defaultValue } }, resources: site.arm(m) }), "[parameters('p')]");
  const fromDefault = param(site.bad);
  const fromFile = param(site.good);
  const fromVariable = place(
    site,
    (m) => template({ variables: { values: { bad: site.bad, good: site.good } }, resources: site.arm(m) }),
    "[variables('values').bad]",
  );
  const unknown = place(site, (m) => template({ parameters: { p: { type } }, resources: site.arm(m) }), "[parameters('p')]");
  const cases: FormatCase[] = [
    { name: 'ARM: failing literal', files: { 'main.json': fail.text }, options, expected: [fail.expected] },
    { name: 'ARM: passing literal', files: { 'main.json': pass.text }, options, expected: [] },
    { name: 'ARM: failing parameter default', files: { 'main.json': fromDefault.text }, options, expected: [fromDefault.expected] },
    {
      name: 'ARM: parameter file overrides a passing default',
      files: { 'main.json': fromFile.text, 'main.parameters.json': parameterFile({ p: site.bad }) },
      options,
      expected: [fromFile.expected],
    },
    // ARM takes a null value as none given: the default stays.
    site.good === null
      ? { name: 'ARM: null in the parameter file keeps a failing default', files: { 'main.json': fromDefault.text, 'main.parameters.json': parameterFile({ p: null }) }, options, expected: [fromDefault.expected] }
      : { name: 'ARM: parameter file overrides a failing default', files: { 'main.json': fromDefault.text, 'main.parameters.json': parameterFile({ p: site.good }) }, options, expected: [] },
    { name: 'ARM: variable through an expression', files: { 'main.json': fromVariable.text }, options, expected: [fromVariable.expected] },
    { name: `ARM: parameter without a value is unknown: ${site.unknownFinds ? 'still' : 'no'} finding`, files: { 'main.json': unknown.text }, options, expected: site.unknownFinds ? [unknown.expected] : [] },
  ];
  if (!skip.has('arm-copy')) {
    const copy = site.armCopy ?? {
      index: 'copyIndex()',
      resources: (v: unknown) => {
        const resources = site.arm(v);
        const looped = siteResource(resources);
        return resources.map((r) => (r === looped ? { ...r, name: `[concat('${String(r['name'])}', copyIndex())]`, copy: { name: 'c', count: 2 } } : r));
      },
    };
    const looped = place(
      site,
      (m) => template({ variables: { values: [site.good, site.bad] }, resources: copy.resources(m) }),
      `[variables('values')[${copy.index}]]`,
    );
    cases.push({ name: 'ARM: one copy of a copy loop fails', files: { 'main.json': looped.text }, options, expected: [looped.expected] });
  }
  if (!skip.has('arm-nested')) {
    const nested = place(
      site,
      (m) =>
        template({
          parameters: { outer: { type, defaultValue: site.bad } },
          resources: [innerDeployment('inner', { p: "[parameters('outer')]" }, { parameters: { p: { type } }, resources: site.arm(m) })],
        }),
      "[parameters('p')]",
      'main.json',
      '"template"',
    );
    cases.push({ name: 'ARM: nested deployment, inner scope, value passed in', files: { 'main.json': nested.text }, options, expected: [nested.expected] });
  }
  return cases;
}

/** The resources of a languageVersion 2.0 template: keyed by symbolic name, then existing ones. */
function symbolic(resources: Resource[], existing: Resource[] = []): Record<string, Resource> {
  return Object.fromEntries([
    ...resources.map((r, i): [string, Resource] => [`res${i}`, r]),
    ...existing.map((r, i): [string, Resource] => [`old${i}`, { ...r, existing: true }]),
  ]);
}

function bicepCases(site: ValueSite): FormatCase[] {
  const options = site.options ?? {};
  const type = paramType(site.bad);
  const v1 = (v: unknown) => place(site, (m) => template({ metadata: BICEP, resources: site.arm(m) }), v);
  const module = place(
    site,
    (m) =>
      template({
        metadata: BICEP,
        parameters: { value: { type, defaultValue: site.bad } },
        resources: [innerDeployment('mod', { p: "[parameters('value')]" }, { metadata: BICEP, parameters: { p: { type } }, resources: site.arm(m) })],
      }),
    "[parameters('p')]",
    'main.json',
    '"template"',
  );
  // An existing resource holding the bad value is a reference, not a definition: never a finding.
  const marked = site.arm(MARK);
  const old = site.arm(site.bad)[marked.indexOf(siteResource(marked))]!;
  const existing = [{ ...old, name: `${String(old['name'])}old` }];
  const v2 = (v: unknown) =>
    place(
      site,
      (m) => template({ languageVersion: '2.0', metadata: BICEP, parameters: { p: { type, defaultValue: v } }, resources: symbolic(site.arm(m), existing) }),
      "[parameters('p')]",
    );
  const v1Fail = v1(site.bad);
  const v1Pass = v1(site.good);
  const v2Fail = v2(site.bad);
  const v2Pass = v2(site.good);
  return [
    { name: 'Bicep v1: failing literal', files: { 'main.json': v1Fail.text }, options, expected: [v1Fail.expected] },
    { name: 'Bicep v1: passing literal', files: { 'main.json': v1Pass.text }, options, expected: [] },
    { name: 'Bicep v1: module (inner-scope deployment) given a failing value', files: { 'main.json': module.text }, options, expected: [module.expected] },
    { name: 'Bicep 2.0: failing parameter default; the existing resource is no definition', files: { 'main.json': v2Fail.text }, options, expected: [v2Fail.expected] },
    { name: 'Bicep 2.0: passing parameter default; the existing resource is no definition', files: { 'main.json': v2Pass.text }, options, expected: [] },
  ];
}

const BICEP_MARK = bicepValue(MARK);

/** `.bicep` text with `expr` at the site, and where the finding is expected (`needle` within `expr`). */
function placeBicep(site: ValueSite, prefix: string, resources: Resource[], expr: string, file = 'main.bicep', needle = expr): { text: string; expected: string } {
  const withMark = `${prefix}${prefix ? '\n' : ''}${bicepResources(resources)}`;
  const markAt = withMark.indexOf(BICEP_MARK);
  if (markAt < 0) throw new Error('the site marker is not in the .bicep source');
  const text = withMark.replace(BICEP_MARK, expr);
  if (site.bicepAt ?? site.armAt) return { text, expected: loc(file, text, site.bicepAt ?? bicepNeedle(site.armAt!)) };
  return { text, expected: `${file}:${lineCol(text, markAt + expr.indexOf(needle))}` };
}

/** The loop index variables the `.bicep` writer gives a copy loop named in `index` (`copyIndex('dataDisks')`). */
function loopsOf(index: string, resources: readonly Resource[]): Map<string, string> {
  const name = /copyIndex\('(\w+)'\)/.exec(index)?.[1];
  if (!name) return new Map([['', 'i']]);
  const resourceLoop = resources.some((r) => (r['copy'] as { name?: string } | undefined)?.name === name);
  return new Map([[name, resourceLoop ? 'i' : `i_${name}`]]);
}

/** The value as `.bicep` source: literal, parameter default, `.bicepparam`, variable, loop, module parameter and conditionals. */
function bicepSourceCases(site: ValueSite): FormatCase[] {
  const skip = new Set(site.skip ?? []);
  const options = site.options ?? {};
  const { bad, good } = site;
  const resources = site.arm(MARK);
  const literal = (v: unknown) => placeBicep(site, '', resources, bicepValue(v));
  const fail = literal(bad);
  const pass = literal(good);
  const fromDefault = placeBicep(site, bicepParam('p', bad, bad), resources, 'p');
  const fromFile = placeBicep(site, bicepParam('p', bad, good), resources, 'p');
  const bicepparam = (v: unknown) => `using 'main.bicep'\n\nparam p = ${bicepValue(v)}\n`;
  const fromVariable = placeBicep(site, `var values = ${bicepValue({ bad, good })}\n`, resources, 'values.bad');
  const unknown = placeBicep(site, bicepParam('p', bad), resources, 'p');
  const ternary = placeBicep(site, bicepParam('useBad', true, true), resources, `useBad ? ${bicepValue(bad)} : ${bicepValue(good)}`, 'main.bicep', bicepValue(bad));
  const siteAt = resources.indexOf(siteResource(resources));
  const notDeployed = placeBicep(site, bicepParam('deploy', true, false), resources.map((r, i) => (i === siteAt ? { ...r, condition: "[parameters('deploy')]" } : r)), bicepValue(bad));
  const cases: FormatCase[] = [
    { name: '.bicep: failing literal', files: { 'main.bicep': fail.text }, options, expected: [fail.expected] },
    { name: '.bicep: passing literal', files: { 'main.bicep': pass.text }, options, expected: [] },
    { name: '.bicep: failing parameter default', files: { 'main.bicep': fromDefault.text }, options, expected: [fromDefault.expected] },
    { name: '.bicep: a .bicepparam value overrides a passing default', files: { 'main.bicep': fromFile.text, 'main.bicepparam': bicepparam(bad) }, options, expected: [fromFile.expected] },
    // ARM reads a null parameter value as no value given: the default stays (Azure/bicep#11532).
    { name: '.bicep: a .bicepparam value overrides a failing default', files: { 'main.bicep': fromDefault.text, 'main.bicepparam': bicepparam(good) }, options, expected: good === null ? [fromDefault.expected] : [] },
    { name: '.bicep: variable property', files: { 'main.bicep': fromVariable.text }, options, expected: [fromVariable.expected] },
    { name: `.bicep: parameter without a value is unknown: ${site.unknownFinds ? 'still' : 'no'} finding`, files: { 'main.bicep': unknown.text }, options, expected: site.unknownFinds ? [unknown.expected] : [] },
    { name: '.bicep: conditional expression picks the failing value', files: { 'main.bicep': ternary.text }, options, expected: [ternary.expected] },
    { name: '.bicep: resource condition false deploys nothing', files: { 'main.bicep': notDeployed.text }, options, expected: [] },
  ];
  if (!skip.has('arm-copy')) {
    const copy = site.armCopy ?? {
      index: 'copyIndex()',
      resources: (v: unknown) => {
        const all = site.arm(v);
        const looped = siteResource(all);
        return all.map((r) => (r === looped ? { ...r, name: `[concat('${String(r['name'])}', copyIndex())]`, copy: { name: 'c', count: 2 } } : r));
      },
    };
    const copied = copy.resources(MARK);
    const expr = bicepExpression(`variables('values')[${copy.index}]`, loopsOf(copy.index, copied));
    const looped = placeBicep(site, `var values = ${bicepValue([good, bad])}\n`, copied, expr);
    cases.push({ name: '.bicep: one item of a for loop fails', files: { 'main.bicep': looped.text }, options, expected: [looped.expected] });
  }
  if (!skip.has('arm-nested')) {
    const child = placeBicep(site, bicepParam('p', bad), resources, 'p', 'modules/x.bicep');
    const main = `${bicepParam('value', bad, bad)}\nmodule mod './modules/x.bicep' = {\n  name: 'mod'\n  params: {\n    p: value\n  }\n}\n`;
    cases.push({ name: '.bicep: module parameter given a failing value', files: { 'main.bicep': main, 'modules/x.bicep': child.text }, options, expected: [child.expected] });
  }
  return cases;
}

/** 1-based `line:col` of a UTF-16 offset. */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

/** main.tf with `expr` at the site, and where the finding is expected (`needle` within `expr`). */
function placeTf(site: ValueSite, prefix: string, expr: string, loop: TfLoop, file = 'main.tf', needle = expr): { text: string; expected: string } {
  const withMark = `${prefix}${site.tf!(MARK, loop)}`;
  const markAt = withMark.indexOf(MARK);
  if (markAt < 0) throw new Error('the site marker is not in main.tf');
  const text = withMark.replace(MARK, expr);
  if (site.tfAt) return { text, expected: loc(file, text, site.tfAt) };
  return { text, expected: `${file}:${lineCol(text, markAt + expr.indexOf(needle))}` };
}

function tfCases(site: ValueSite): FormatCase[] {
  const skip = new Set(site.skip ?? []);
  const options = site.options ?? {};
  const bad = site.tfBad!;
  const good = site.tfGood!;
  const variable = (dflt: string) => `variable "v" {\n  default = ${dflt}\n}\n\n`;
  const fail = placeTf(site, '', bad, NO_LOOP);
  const pass = placeTf(site, '', good, NO_LOOP);
  const fromDefault = placeTf(site, variable(bad), 'var.v', NO_LOOP);
  const fromTfvars = placeTf(site, variable(good), 'var.v', NO_LOOP);
  const fromLocal = placeTf(site, `locals {\n  values = {\n    bad  = ${bad}\n    good = ${good}\n  }\n}\n\n`, 'local.values["bad"]', NO_LOOP);
  const unknown = placeTf(site, 'variable "v" {}\n\n', 'var.v', NO_LOOP);
  const cases: FormatCase[] = [
    { name: 'Terraform: failing literal', files: { 'main.tf': fail.text }, options, expected: [fail.expected] },
    { name: 'Terraform: passing literal', files: { 'main.tf': pass.text }, options, expected: [] },
    { name: 'Terraform: failing variable default', files: { 'main.tf': fromDefault.text }, options, expected: [fromDefault.expected] },
    { name: 'Terraform: terraform.tfvars overrides a passing default', files: { 'main.tf': fromTfvars.text, 'terraform.tfvars': `v = ${bad}\n` }, options, expected: [fromTfvars.expected] },
    { name: 'Terraform: terraform.tfvars overrides a failing default', files: { 'main.tf': fromDefault.text, 'terraform.tfvars': `v = ${good}\n` }, options, expected: [] },
    { name: 'Terraform: local map lookup', files: { 'main.tf': fromLocal.text }, options, expected: [fromLocal.expected] },
    { name: `Terraform: variable without a value is unknown: ${site.unknownFinds ? 'still' : 'no'} finding`, files: { 'main.tf': unknown.text }, options, expected: site.unknownFinds ? [unknown.expected] : [] },
  ];
  if (!skip.has('tf-for-each')) {
    const each = placeTf(site, '', 'each.value', forEachLoop(`{\n    good = ${good}\n    bad  = ${bad}\n  }`));
    cases.push({ name: 'Terraform: for_each over a map with one bad entry', files: { 'main.tf': each.text }, options, expected: [each.expected] });
  }
  if (!skip.has('tf-count')) {
    const conditional = `count.index == 1 ? ${bad} : ${good}`;
    const counted = placeTf(site, '', conditional, countLoop(2), 'main.tf', bad);
    const none = placeTf(site, '', bad, countLoop(0));
    cases.push(
      { name: 'Terraform: count, the second instance fails', files: { 'main.tf': counted.text }, options, expected: [counted.expected] },
      { name: 'Terraform: count = 0 deploys nothing', files: { 'main.tf': none.text }, options, expected: [] },
    );
  }
  if (!skip.has('tf-module')) {
    const child = placeTf(site, 'variable "v" {}\n\n', 'var.v', NO_LOOP, 'modules/x/main.tf');
    const root = `module "x" {\n  source = "./modules/x"\n  v      = ${bad}\n}\n`;
    cases.push({ name: 'Terraform: value passed into a local child module', files: { 'main.tf': root, 'modules/x/main.tf': child.text }, options, expected: [child.expected] });
  }
  return cases;
}

/** The generated cases for every format the site describes. */
export function valueCases(site: ValueSite): FormatCase[] {
  const skip = new Set(site.skip ?? []);
  return [
    ...armCases(site),
    ...(skip.has('bicep') ? [] : bicepCases(site)),
    ...(skip.has('bicep-source') ? [] : bicepSourceCases(site)),
    ...(site.tf && !skip.has('tf') ? tfCases(site) : []),
  ];
}

/** Where a finding is expected: a needle in main.json / main.tf, or [needle, after], or [file, needle, after]. */
export type Needle = string | readonly [string, string] | readonly [string, string, string];

function expectAt(files: Readonly<Record<string, string>>, main: string, needles: readonly Needle[]): string[] {
  return needles.map((n) => {
    const [file, needle, after] = typeof n === 'string' ? [main, n, ''] : n.length === 2 ? [main, n[0], n[1]] : n;
    return loc(file, files[file]!, needle, after);
  });
}

/** A hand-written ARM case: `body` is the template (resources, parameters…) as main.json. */
export function armCase(name: string, body: Record<string, unknown>, at: readonly Needle[], options: LintOptions = {}, extra: Record<string, string> = {}): FormatCase {
  const files = { 'main.json': template(body), ...extra };
  return { name, files, options, expected: expectAt(files, 'main.json', at) };
}

/**
 * The same resources as hand-written ARM and as Bicep compiles them (languageVersion 1, and 2.0
 * with resources keyed by symbolic name): `body` holds the rest of the template.
 */
export function jsonCases(name: string, resources: Resource[], at: readonly Needle[], options: LintOptions = {}, body: Record<string, unknown> = {}): FormatCase[] {
  return [
    armCase(`ARM: ${name}`, { ...body, resources }, at, options),
    armCase(`Bicep JSON 1.0: ${name}`, { metadata: BICEP, ...body, resources }, at, options),
    armCase(`Bicep JSON 2.0: ${name}`, { languageVersion: '2.0', metadata: BICEP, ...body, resources: symbolic(resources) }, at, options),
  ];
}

/** A hand-written Terraform case: `main` is main.tf. */
export function tfCase(name: string, main: string, at: readonly Needle[], options: LintOptions = {}, extra: Record<string, string> = {}): FormatCase {
  const files = { 'main.tf': main, ...extra };
  return { name, files, options, expected: expectAt(files, 'main.tf', at) };
}


/** A hand-written `.bicep` case: `main` is main.bicep (`declarations` before `resources` written as Bicep). */
export function bicepCase(name: string, main: { declarations?: string; resources?: Resource[] }, at: readonly Needle[], options: LintOptions = {}, extra: Record<string, string> = {}): FormatCase {
  const text = `${main.declarations ?? ''}${main.declarations && main.resources ? '\n' : ''}${main.resources ? bicepResources(main.resources) : ''}`;
  const files = { 'main.bicep': text, ...extra };
  return { name, files, options, expected: expectAt(files, 'main.bicep', at) };
}
