import path from 'node:path';
import { DiagnosticSink, reportTemplateErrors, unreadableFile } from '../kernel/diagnostic.js';
import type { ProjectFs } from '../kernel/project-fs.js';
import { errorValuesMade } from '../kernel/value.js';
import { azureInstanceId } from '../azure/from-azurerm/ids.js';
import { azureMayContain } from '../azure/from-azurerm/access.js';
import { mapModel } from '../azure/from-azurerm/model.js';
import { VM_TYPES } from '../azure/from-azurerm/vm.js';
import { parseConfigFile, runModule } from '../lang/terraform/module.js';
import type { HclFile } from '../syntax/hcl/ast.js';
import { lex } from '../syntax/hcl/lexer.js';
import { printJsonLiteral } from './json-file.js';
import { jsonComments } from '../syntax/json/scan.js';
import { filesMentioning, linkingDirs } from './nearby.js';
import type { Evaluation, Parser, SourceKind, Workspace } from './source-kind.js';
import { CONFIG_FILE, ModuleCallers } from './terraform-callers.js';

export interface TerraformOptions {
  readonly varFiles?: readonly string[];
  /** read TF_VAR_* only when true */
  readonly useEnv?: boolean;
  /** The run's shared parse of a configuration file (a module called by many is parsed once). */
  readonly parse?: (file: string) => HclFile | undefined;
}

/** `.tf` and `.tf.json` files as the Terraform evaluator reads them. */
const TF_PARSER: Parser<HclFile> = { id: 'terraform-config', parse: parseConfigFile, lingers: true };

/**
 * Evaluates the module in `dir` (all *.tf and *.tf.json, terraform.tfvars, *.auto.tfvars, then
 * varFiles, which resolve against `dir` when relative) into the model.
 */
export function evaluateTerraformModule(dir: string, fs: ProjectFs, options: TerraformOptions): Evaluation {
  const diagnostics = new DiagnosticSink();
  const errorsBefore = errorValuesMade();
  const run = runModule(dir, fs, diagnostics, {
    varFiles: options.varFiles ?? [],
    ...(options.useEnv ? { env: process.env } : {}),
    ...(options.parse ? { parse: options.parse } : {}),
    ids: { id: azureInstanceId, mayContain: azureMayContain },
  });
  if (!run.found) return { models: [], diagnostics: diagnostics.list, files: [] };
  const scenario = run.varFilesUsed.length ? run.varFilesUsed.map((f) => path.basename(f)).join(', ') : 'defaults';
  const model = mapModel(run.resources, scenario, run.opaque);
  if (errorValuesMade() !== errorsBefore) reportTemplateErrors(diagnostics, model);
  const inactiveVms = run.undeployed.filter((d) => VM_TYPES.has(d.type)).map(({ at, name }) => ({ at, name }));
  return { models: [model], diagnostics: diagnostics.list, files: run.filesRead, inactiveVms };
}

const TF_FILE = /\.tf$/i;

const unitKey = (dir: string): string => `terraform:${dir}`;

/** Which modules of a run call which, read once per run; none when no file discovery walked the project (an editor). */
const callersOfRun = new WeakMap<Workspace, ModuleCallers | undefined>();

function moduleCallers(ws: Workspace): ModuleCallers | undefined {
  if (!callersOfRun.has(ws)) {
    const dirs = ws.fs.walkedDirs();
    callersOfRun.set(ws, dirs && new ModuleCallers(dirs, ws.fs, unitKey));
  }
  return callersOfRun.get(ws);
}

/** A Terraform root or child module: the directory's .tf and .tf.json files, its tfvars, its local modules. */
export const terraformDir: SourceKind = {
  id: 'terraform',
  files: ['**/*.tf', '**/*.tf.json', '**/*.tfvars', '**/*.tfvars.json'],
  unitsOf(file) {
    const dir = path.dirname(file);
    return [{ key: unitKey(dir), kind: 'terraform', entry: dir }];
  },
  // A module's files are read by its own unit and by the units that call it, directly or not.
  readersOf: (file, ws) => moduleCallers(ws)?.readersOf(path.dirname(file)),
  evaluate: (unit, ws) =>
    evaluateTerraformModule(unit.entry, ws.fs, { varFiles: (ws.options.varFiles ?? []).map((f) => path.resolve(ws.fs.root, f)), parse: (file) => ws.parsed(TF_PARSER, file) }),
  // Syntax errors are the evaluation's diagnostics, positioned; only an unreadable file is fatal.
  fileProblem(file, ws) {
    const read = ws.fs.read(file);
    return read.ok ? undefined : unreadableFile(file, read.reason);
  },
  anchorFile(unit, ws) {
    const first = ws.fs.list(unit.entry).find((name) => CONFIG_FILE.test(name));
    return first ? path.join(unit.entry, first) : unit.entry;
  },
  // A module calls a child in a directory below it by its relative path.
  callersNear(file, ws) {
    const own = path.dirname(file);
    return linkingDirs(file, ws.fs)
      .filter((dir) => dir !== own)
      .flatMap((dir) => filesMentioning(dir, file, TF_FILE, path.relative(dir, own).split(path.sep).join('/'), ws.fs));
  },
  // `#` and `//` are line comments in HCL; the JSON forms read like ARM's JSON.
  comments: (file, text) =>
    /\.json$/i.test(file) ? jsonComments(text) : lex(text).comments.map((c) => ({ kind: c.style === 'block' ? 'block' : 'line', value: c.value, start: c.start, end: c.end })),
  // JSON text is an HCL expression too; Terraform reads `${` and `%{` in strings as templates,
  // except in .tfvars.json, whose values are plain.
  printLiteral: (value, file) => printJsonLiteral(value, /\.tfvars\.json$/i.test(file) ? undefined : (s) => s.replace(/([$%])\{/g, '$1$1{')),
};
