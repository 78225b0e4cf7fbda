import { WorkBudget } from '../kernel/work.js';
import path from 'node:path';
import { errorValuesMade, unknown } from '../kernel/value.js';
import type { ProjectFs } from '../kernel/project-fs.js';
import { DiagnosticSink, reportTemplateErrors } from '../kernel/diagnostic.js';
import type { Model } from '../azure/model.js';
import type { JsonDocument } from '../syntax/json/parse.js';
import { JSON_PARSER, jsonFileProblem, peekJsonFile, printJsonLiteral } from './json-file.js';
import { jsonComments } from '../syntax/json/scan.js';
import { filesMentioning, linkingDirs } from './nearby.js';
import { bicepUnitOf, compiledFrom, skipsCompiledJson, twinNamesOf } from './compiled-twin.js';
import type { Evaluation, SourceKind, UnitRef, Workspace } from './source-kind.js';
import { buildArmModel } from '../azure/from-arm/build.js';
import { isModelled, isVmType } from '../azure/from-arm/modelled-types.js';
import type { RunContext } from '../lang/arm/template/context.js';
import { entries, jsonToVal, nodeLoc, prop } from '../lang/arm/template/json-val.js';
import { armKindOfSchema, classifyArmJson, type ArmFileKind } from '../lang/arm/template/recognize.js';
import { evaluateResources } from '../lang/arm/template/resources.js';
import { TemplateScope, type ParamSource } from '../lang/arm/template/scope.js';
import { ROOT_TARGET } from '../lang/arm/target.js';

export type ParseJsonFile = (file: string) => JsonDocument | undefined;

/**
 * Parameter files that belong to a template by naming convention: `x.parameters.json`,
 * `x.parameters.<env>.json` (and `.jsonc`), and `parameters.json` beside `template.json`.
 */
export function conventionalParameterFiles(template: string, fs: ProjectFs): string[] {
  const dir = path.dirname(template);
  const bases = templateBases(path.basename(template));
  return fs
    .list(dir)
    .filter((name) => bases.some((base) => pairsByName(base, name)))
    .map((name) => path.join(dir, name));
}

/** Whether the file `name` is, by the convention above, a parameter file of the template `templateName` beside it. */
export function isConventionalParameterFile(templateName: string, name: string): boolean {
  return templateBases(templateName).some((base) => pairsByName(base, name));
}

/** A `.bicep` file takes the parameter files of the JSON `bicep build` writes for it (`main.bicep`: `azuredeploy.parameters.json`). */
function templateBases(templateName: string): string[] {
  const names = BICEP_FILE.test(templateName) ? twinNamesOf(templateName) : [templateName];
  return names.map((name) => name.replace(/\.jsonc?$/i, '').toLowerCase());
}

function pairsByName(base: string, name: string): boolean {
  const lower = name.toLowerCase();
  if (!/\.jsonc?$/.test(lower)) return false;
  const stem = lower.replace(/\.jsonc?$/, '');
  return stem === `${base}.parameters` || stem.startsWith(`${base}.parameters.`) || (base === 'template' && stem === 'parameters');
}

/** Evaluates a template once per parameter file (or once with defaults when it has none). */
export function evaluateArmUnit(template: string, doc: JsonDocument, fs: ProjectFs, parse: ParseJsonFile, paramFiles: readonly string[]): Evaluation {
  const diagnostics = new DiagnosticSink();
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
  const work = new WorkBudget();
  for (const scenario of scenarios) {
    const errorsBefore = errorValuesMade();
    const ctx: RunContext = { fs, wants: isModelled, resources: [], diagnostics, files, parse, instances: 0, inactive: [], opaque: [], work };
    const scope = TemplateScope.create(ctx, template, doc.root!, scenario.supplied, ROOT_TARGET, 0, [template]);
    evaluateResources(scope, prop(doc.root, 'resources'), ROOT_TARGET);
    const model = buildArmModel(ctx.resources, { name: scenario.name }, undefined, ctx.opaque);
    if (errorValuesMade() !== errorsBefore) reportTemplateErrors(diagnostics, model);
    models.push(model);
    if (models.length === 1) inactiveVms = ctx.inactive.filter((d) => isVmType(d.type));
  }
  for (const d of work.diagnostics({ file: template, start: 0, end: 0 })) diagnostics.add(d);
  return { models, diagnostics: diagnostics.list, files: [...files], inactiveVms };
}

export function parameterFileValues(file: string, doc: JsonDocument): Map<string, ParamSource> {
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

const JSON_FILE = /\.jsonc?$/i;
const BICEP_FILE = /\.bicep$/i;

/**
 * What a JSON file is to ARM, remembered after its tree is let go. Its `$schema` mostly says, read
 * without the tree: a neighbour asked about (a compiled twin beside its parameter file) is then never parsed.
 */
function armKindOf(file: string, ws: Workspace): ArmFileKind {
  return ws.fact('arm-json', file, () => {
    const schema = peekJsonFile(file, ['$schema'], ws);
    return (schema?.type === 'string' && armKindOfSchema(schema.value!)) || classifyArmJson(ws.parsed(JSON_PARSER, file)?.root);
  });
}

function unitOf(template: string): UnitRef {
  return { key: `arm:${template}`, kind: 'arm', entry: template };
}

/**
 * The templates and `.bicep` files a parameter file pairs with, by name or by the configured
 * parameter files. A compiled twin left to its `.bicep` passes its parameter files on to it.
 */
function templatesPairedWith(paramFile: string, ws: Workspace): UnitRef[] {
  const dir = path.dirname(paramFile);
  const names = ws.fs.list(dir);
  const paramName = path.basename(paramFile);
  // Pairing by name alone needs this one listing, not one listing per sibling template.
  const byName = !ws.options.paramFilesFor && !ws.options.paramFiles?.length;
  const listed = names.includes(paramName);
  const units = new Map<string, UnitRef>();
  for (const name of names) {
    const bicep = BICEP_FILE.test(name);
    if (name === paramName || !(bicep || JSON_FILE.test(name))) continue;
    // By name, most siblings are ruled out before their path is built.
    if (byName && !(listed && isConventionalParameterFile(name, paramName))) continue;
    const f = path.join(dir, name);
    if (!byName && !parameterFilesOf(f, ws).includes(paramFile)) continue;
    if (bicep) {
      const unit = bicepUnitOf(f);
      units.set(unit.key, unit);
    } else if (armKindOf(f, ws) === 'template') {
      const source = skipsCompiledJson(ws) ? compiledFrom(f, ws) : undefined;
      const unit = source ? bicepUnitOf(source) : unitOf(f);
      units.set(unit.key, unit);
    }
  }
  return [...units.values()];
}

/**
 * A template's JSON parameter files: configured for it, given on the command line, or by naming
 * convention. For a `.bicep` file, the convention is that of the JSON it compiles to.
 */
export function parameterFilesOf(template: string, ws: Workspace): string[] {
  const configured = ws.options.paramFilesFor?.(template);
  if (configured) return [...configured];
  const explicit = ws.options.paramFiles;
  if (explicit?.length) {
    const dir = path.dirname(template);
    return explicit.map((p) => path.resolve(ws.fs.root, p)).filter((p) => path.dirname(p) === dir);
  }
  return conventionalParameterFiles(template, ws.fs);
}

/** ARM templates and Bicep-compiled JSON, with their parameter files and local linked templates. */
export const armJson: SourceKind = {
  id: 'arm',
  files: ['**/*.json', '**/*.jsonc'],
  ignores: ['**/*.tf.json', '**/*.tfvars.json'],
  unitsOf(file, ws) {
    const kind = armKindOf(file, ws);
    // A compiled twin is linted through its `.bicep` source.
    if (kind === 'template') return skipsCompiledJson(ws) && compiledFrom(file, ws) ? [] : [unitOf(file)];
    if (kind === 'parameters') return templatesPairedWith(file, ws);
    return [];
  },
  remember: (file, ws) => void armKindOf(file, ws),
  evaluate(unit, ws) {
    const doc = ws.parsed(JSON_PARSER, unit.entry);
    if (!doc?.root) return { models: [], diagnostics: [], files: [unit.entry] };
    return evaluateArmUnit(unit.entry, doc, ws.fs, (file) => ws.parsed(JSON_PARSER, file), parameterFilesOf(unit.entry, ws));
  },
  fileProblem: jsonFileProblem,
  anchorFile: (unit) => unit.entry,
  // A template may link a sibling or a file below it by its relative path, which ends in the file's name.
  callersNear: (file, ws) => linkingDirs(file, ws.fs).flatMap((dir) => filesMentioning(dir, file, JSON_FILE, path.basename(file), ws.fs)),
  comments: (_file, text) => jsonComments(text),
  // A string that starts with `[` and ends with `]` is an ARM expression unless written `[[…]`.
  printLiteral: (value) => printJsonLiteral(value, (s) => (s.startsWith('[') && s.endsWith(']') ? `[${s}` : s)),
};
