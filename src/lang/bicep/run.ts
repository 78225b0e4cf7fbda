import type { WorkBudget } from '../../kernel/work.js';
import { DiagnosticSink, type Diagnostic } from '../../kernel/diagnostic.js';
import type { Loc } from '../../kernel/location.js';
import type { ProjectFs } from '../../kernel/project-fs.js';
import type { BicepParseResult } from '../../syntax/bicep/index.js';
import type { JsonDocument } from '../../syntax/json/parse.js';
import type { RunContext, TemplateResource } from '../arm/template/context.js';
import type { ParamSource } from '../arm/template/scope.js';
import type { FileScope } from './file-scope.js';

/** What evaluating Bicep needs from whoever runs it: files, their parses (shared with other units), and what to model. */
export interface BicepServices {
  readonly fs: ProjectFs;
  /** A `.bicep` or `.bicepparam` file's parse; undefined when it cannot be read. */
  bicep(file: string): BicepParseResult | undefined;
  /** A JSON file's parse (a `module m './x.json'`); undefined when it cannot be read. */
  json(file: string): JsonDocument | undefined;
  /** Resource types whose bodies are evaluated; the others are only named. */
  wants(type: string): boolean;
}

/** One set of parameter values for the entry file: a `.bicepparam`, a JSON parameter file, or the defaults. */
export interface BicepScenario {
  readonly name: string;
  /** Values by lower-cased parameter name. */
  readonly supplied: ReadonlyMap<string, ParamSource>;
}

/** A module the linter does not read: its resources are not seen. */
export interface OpaqueModule {
  readonly at: Loc;
  readonly what: string;
}

/** One evaluation of a `.bicep` entry under one scenario. */
export interface BicepEvaluation {
  /** Every resource instance deployed, in the form the ARM mapper reads. */
  readonly resources: readonly TemplateResource[];
  readonly diagnostics: readonly Diagnostic[];
  /** Every file read: the entry, its modules, imports and parameter files. */
  readonly files: readonly string[];
  /** Declarations of wanted types whose condition is false. */
  readonly inactive: readonly { readonly type: string; readonly at: Loc; readonly name: string }[];
  readonly opaque: readonly OpaqueModule[];
}

/** Shared by every file scope of one evaluation: the ARM run context (so `.json` modules evaluate into it) and the Bicep parses. */
export interface BicepRun extends RunContext {
  readonly services: BicepServices;
  /** Files whose parse diagnostics were reported already. */
  readonly parsedReported: Set<string>;
  /** Imported files' scopes (exported variables and functions), by path; undefined when unreadable. */
  readonly imported: Map<string, FileScope | undefined>;
}

export function newRun(services: BicepServices, work: WorkBudget): BicepRun {
  return {
    work,
    fs: services.fs,
    wants: services.wants,
    resources: [],
    diagnostics: new DiagnosticSink(),
    files: new Set(),
    parse: (file) => services.json(file),
    instances: 0,
    inactive: [],
    opaque: [],
    services,
    parsedReported: new Set(),
    imported: new Map(),
  };
}
