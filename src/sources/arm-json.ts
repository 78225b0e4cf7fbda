import path from 'node:path';
import { unknown } from '../kernel/value.js';
import type { ProjectFs } from '../kernel/project-fs.js';
import type { UnitDiagnostic } from '../kernel/diagnostic.js';
import type { Evaluation } from './evaluation.js';
import type { Model } from '../azure/model.js';
import type { JsonDocument } from '../syntax/json/parse.js';
import { buildArmModel } from '../azure/from-arm/build.js';
import { isModelled, isVmType } from '../azure/from-arm/modelled-types.js';
import type { RunContext } from '../lang/arm/template/context.js';
import { entries, jsonToVal, nodeLoc, prop } from '../lang/arm/template/json-val.js';
import { classifyArmJson } from '../lang/arm/template/recognize.js';
import { evaluateResources } from '../lang/arm/template/resources.js';
import { ROOT_TARGET, TemplateScope, type ParamSource } from '../lang/arm/template/scope.js';

export type ParseJsonFile = (file: string) => JsonDocument | undefined;

/**
 * Parameter files that belong to a template by naming convention: `x.parameters.json`,
 * `x.parameters.<env>.json` (and `.jsonc`), and `parameters.json` beside `template.json`.
 */
export function conventionalParameterFiles(template: string, fs: ProjectFs): string[] {
  const dir = path.dirname(template);
  const base = templateBase(path.basename(template));
  return fs
    .list(dir)
    .filter((name) => pairsByName(base, name))
    .map((name) => path.join(dir, name));
}

/** Whether the file `name` is, by the convention above, a parameter file of the template `templateName` beside it. */
export function isConventionalParameterFile(templateName: string, name: string): boolean {
  return pairsByName(templateBase(templateName), name);
}

function templateBase(templateName: string): string {
  return templateName.replace(/\.jsonc?$/i, '').toLowerCase();
}

function pairsByName(base: string, name: string): boolean {
  const lower = name.toLowerCase();
  if (!/\.jsonc?$/.test(lower)) return false;
  const stem = lower.replace(/\.jsonc?$/, '');
  return stem === `${base}.parameters` || stem.startsWith(`${base}.parameters.`) || (base === 'template' && stem === 'parameters');
}

/** Evaluates a template once per parameter file (or once with defaults when it has none). */
export function evaluateArmUnit(template: string, doc: JsonDocument, fs: ProjectFs, parse: ParseJsonFile, paramFiles: readonly string[]): Evaluation {
  const diagnostics: UnitDiagnostic[] = [];
  const files = new Set<string>([template]);
  const scenarios: { name: string; supplied: Map<string, ParamSource> }[] = [];
  for (const file of paramFiles) {
    const pdoc = parse(file);
    if (!pdoc?.root || pdoc.errors.length || classifyArmJson(pdoc.root) !== 'parameters') continue;
    files.add(file);
    scenarios.push({ name: path.basename(file), supplied: parameterFileValues(file, pdoc) });
  }
  if (scenarios.length === 0) scenarios.push({ name: 'defaults', supplied: new Map() });
  const models: Model[] = [];
  let inactiveVms: Evaluation['inactiveVms'] = [];
  for (const scenario of scenarios) {
    const ctx: RunContext = { fs, wants: isModelled, resources: [], diagnostics, files, parse, instances: 0, inactive: [] };
    const scope = TemplateScope.create(ctx, template, doc.root!, scenario.supplied, ROOT_TARGET, 0, [template]);
    evaluateResources(scope, prop(doc.root, 'resources'), ROOT_TARGET);
    models.push(buildArmModel(ctx.resources, { name: scenario.name }));
    if (models.length === 1) inactiveVms = ctx.inactive.filter((d) => isVmType(d.type));
  }
  return { models, diagnostics, files: [...files], inactiveVms };
}

function parameterFileValues(file: string, doc: JsonDocument): Map<string, ParamSource> {
  const out = new Map<string, ParamSource>();
  for (const [k, v] of entries(prop(doc.root, 'parameters'))) {
    const valueNode = prop(v, 'value');
    const value = valueNode
      ? jsonToVal(file, valueNode)
      : unknown(`parameter '${k.value as string}' comes from a Key Vault reference`, nodeLoc(file, v));
    out.set((k.value as string).toLowerCase(), { value, origin: 'parameter-file' });
  }
  return out;
}
