import { WorkBudget } from '../kernel/work.js';
import path from 'node:path';
import { DiagnosticSink, reportTemplateErrors, unreadableFile } from '../kernel/diagnostic.js';
import { errorValuesMade, type Plain } from '../kernel/value.js';
import type { Model } from '../azure/model.js';
import { buildArmModel } from '../azure/from-arm/build.js';
import { isModelled, isVmType } from '../azure/from-arm/modelled-types.js';
import { lexBicep, parseBicep, type BicepParseResult } from '../syntax/bicep/index.js';
import { bicepParamScenario, evaluateBicepUnit, usingPath, type BicepScenario, type BicepServices } from '../lang/bicep/index.js';
import { classifyArmJson } from '../lang/arm/template/recognize.js';
import { parameterFilesOf, parameterFileValues } from './arm-json.js';
import { bicepSourceComments } from './bicep-comments.js';
import { bicepUnitOf } from './compiled-twin.js';
import { JSON_PARSER } from './json-file.js';
import { filesMentioning, linkingDirs } from './nearby.js';
import type { Evaluation, Parser, SourceKind, Workspace } from './source-kind.js';

/** Bicep source and `.bicepparam` files, one parse each per run. */
export const BICEP_PARSER: Parser<BicepParseResult> = {
  id: 'bicep',
  parse: (text, file) => parseBicep(text, { file, params: /\.bicepparam$/i.test(file) }),
  lines: (parsed) => parsed.lines,
};

const BICEP_FILE = /\.bicep$/i;
const PARAMS_FILE = /\.bicepparam$/i;

function services(ws: Workspace): BicepServices {
  return {
    fs: ws.fs,
    bicep: (file) => ws.parsed(BICEP_PARSER, file),
    json: (file) => ws.parsed(JSON_PARSER, file),
    wants: isModelled,
  };
}

/** The template a `.bicepparam` names in its `using`, remembered after its parse is let go. */
function usingOf(file: string, ws: Workspace): string | undefined {
  return ws.fact('bicep-using', file, () => {
    const parsed = ws.parsed(BICEP_PARSER, file);
    return parsed ? usingPath(file, parsed) : undefined;
  });
}

/**
 * An entry's scenarios, in order: each `.bicepparam` whose `using` names it (beside it, or those
 * configured or given), otherwise its JSON parameter files (configured, given, or by the
 * convention of the JSON it compiles to), otherwise its defaults.
 */
function scenariosOf(entry: string, ws: Workspace, sink: DiagnosticSink, files: Set<string>): BicepScenario[] {
  const svc = services(ws);
  const listed = parameterFilesOf(entry, ws);
  const given = ws.options.paramFilesFor?.(entry) !== undefined || Boolean(ws.options.paramFiles?.length);
  const dir = path.dirname(entry);
  const bicepParams = given
    ? listed.filter((f) => PARAMS_FILE.test(f))
    : ws.fs
        .list(dir)
        .filter((n) => PARAMS_FILE.test(n))
        .map((n) => path.join(dir, n))
        .filter((f) => usingOf(f, ws) === entry);
  const scenarios: BicepScenario[] = [];
  for (const file of bicepParams) {
    const read = bicepParamScenario(file, svc);
    if (!read) continue;
    for (const f of read.files) files.add(f);
    for (const d of read.diagnostics) sink.add(d);
    scenarios.push(read.scenario);
  }
  if (scenarios.length) return scenarios;
  for (const file of listed.filter((f) => !PARAMS_FILE.test(f))) {
    const doc = ws.parsed(JSON_PARSER, file);
    if (!doc?.root || doc.errors.length || classifyArmJson(doc.root) !== 'parameters') continue;
    files.add(file);
    scenarios.push({ name: path.basename(file), supplied: parameterFileValues(file, doc) });
  }
  return scenarios.length ? scenarios : [{ name: 'defaults', supplied: new Map() }];
}

/** Evaluates a `.bicep` entry once per scenario into models. */
export function evaluateBicepEntry(entry: string, ws: Workspace): Evaluation {
  const sink = new DiagnosticSink();
  const files = new Set<string>([entry]);
  const models: Model[] = [];
  let inactiveVms: Evaluation['inactiveVms'] = [];
  // One budget for every scenario of the entry, as for ARM templates.
  const work = new WorkBudget();
  for (const scenario of scenariosOf(entry, ws, sink, files)) {
    const errorsBefore = errorValuesMade();
    const run = evaluateBicepUnit(entry, services(ws), scenario, work);
    for (const d of run.diagnostics) sink.add(d);
    for (const f of run.files) files.add(f);
    const model = buildArmModel(run.resources, { name: scenario.name }, undefined, run.opaque);
    if (errorValuesMade() !== errorsBefore) reportTemplateErrors(sink, model);
    models.push(model);
    if (models.length === 1) inactiveVms = run.inactive.filter((d) => isVmType(d.type));
  }
  for (const d of work.diagnostics({ file: entry, start: 0, end: 0 })) sink.add(d);
  return { models, diagnostics: sink.list, files: [...files], inactiveVms };
}

/** Bicep source: each `.bicep` is an entry with its local modules; a `.bicepparam` belongs to the entry its `using` names. */
export const bicepSource: SourceKind = {
  id: 'bicep',
  files: ['**/*.bicep', '**/*.bicepparam'],
  unitsOf(file, ws) {
    if (BICEP_FILE.test(file)) return [bicepUnitOf(file)];
    const entry = usingOf(file, ws);
    return entry && entry !== 'none' && ws.fs.list(path.dirname(entry)).includes(path.basename(entry)) ? [bicepUnitOf(entry)] : [];
  },
  remember: (file, ws) => void (PARAMS_FILE.test(file) && usingOf(file, ws)),
  evaluate: (unit, ws) => evaluateBicepEntry(unit.entry, ws),
  // Syntax errors are positioned diagnostics of the evaluation (the rest of the file still counts); only an unreadable file is fatal.
  fileProblem(file, ws) {
    if (ws.parsed(BICEP_PARSER, file)) return undefined;
    return unreadableFile(file, ws.readError(file) ?? 'unknown error');
  },
  anchorFile: (unit) => unit.entry,
  // A module is named by its relative path, which ends in its file name; a `.bicepparam` names its template.
  callersNear: (file, ws) =>
    linkingDirs(file, ws.fs).flatMap((dir) => filesMentioning(dir, file, /\.bicep(param)?$/i, path.basename(file), ws.fs)),
  // Comments hold ESLint's directives; pragmas (`#disable-next-line id`) are Bicep's own. The lexer
  // finds both, so a file with findings is not parsed a second time for them.
  comments: (_file, text) => bicepSourceComments(lexBicep(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text), text),
  printLiteral: (value) => printBicepLiteral(value),
};

/** A value written as Bicep: `'text'` with Bicep's escapes, `[a, b]`, `{ key: value }`. */
export function printBicepLiteral(value: Plain): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${value.replace(/[\\'\n\r\t]|\$\{/g, (c) => ESCAPES[c] ?? c)}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(printBicepLiteral).join(', ')}]`;
  const props = Object.entries(value).map(([k, v]) => `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : printBicepLiteral(k)}: ${printBicepLiteral(v)}`);
  return props.length ? `{ ${props.join(', ')} }` : '{}';
}

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t', '${': '\\${' };
