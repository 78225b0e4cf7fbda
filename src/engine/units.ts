import path from 'node:path';
import { conventionalParameterFiles, evaluateArmUnit, isConventionalParameterFile } from '../sources/arm-json.js';
import { classifyArmJson, type ArmFileKind } from '../lang/arm/template/recognize.js';
import { parseJson, type JsonDocument } from '../syntax/json/parse.js';
import { evaluateTerraformModule, evaluateTerraformPlan } from '../sources/terraform.js';
import type { LintOptions } from './options.js';
import { resolvePath, type ProjectFs } from '../kernel/project-fs.js';
import type { UnitDiagnostic } from '../kernel/diagnostic.js';
import type { Evaluation } from '../sources/evaluation.js';

export type UnitKind = 'arm' | 'terraform' | 'plan';

type JsonKind = ArmFileKind | 'plan';

export interface UnitRef {
  /** Stable identity: the template file, the plan file, or the Terraform module directory. */
  readonly key: string;
  readonly kind: UnitKind;
  /** The template, plan file or module directory. */
  readonly entry: string;
}

export function isTerraformFile(file: string): boolean {
  return /\.(tf|tf\.json|tfvars|tfvars\.json)$/i.test(file);
}

/** Recognises plan/state JSON from `terraform show -json` without evaluating it. */
function looksLikePlan(doc: JsonDocument): boolean {
  const root = doc.root;
  if (root?.type !== 'object') return false;
  const keys = new Set((root.children ?? []).map((p) => p.children?.[0]?.value));
  return keys.has('format_version') && (keys.has('planned_values') || keys.has('values') || keys.has('resource_changes'));
}

/**
 * Parses files once per run and answers which units they belong to. Parsing is cached so
 * the template that several units read is read once.
 */
export class UnitIndex {
  private readonly docs = new Map<string, JsonDocument | undefined>();
  private readonly readErrors = new Map<string, string>();
  /** What a JSON file is, and its syntax problem: kept after its tree is released. */
  private readonly kinds = new Map<string, JsonKind>();
  private readonly problems = new Map<string, UnitDiagnostic | undefined>();

  constructor(
    readonly fs: ProjectFs,
    private readonly options: LintOptions,
  ) {}

  readonly parse = (file: string): JsonDocument | undefined => {
    const abs = resolvePath(file);
    if (this.docs.has(abs)) return this.docs.get(abs);
    const read = this.fs.read(abs);
    let doc: JsonDocument | undefined;
    if (read.ok) doc = parseJson(read.text);
    else this.readErrors.set(abs, read.reason);
    this.docs.set(abs, doc);
    return doc;
  };

  /**
   * Uses a document already parsed from the file's current text (the ESLint language parsed the
   * editor buffer), so a large template is not parsed twice.
   */
  adopt(file: string, doc: JsonDocument): void {
    this.docs.set(resolvePath(file), doc);
  }

  /** The document already parsed from a file, without reading or parsing it. */
  parsed(file: string): JsonDocument | undefined {
    return this.docs.get(resolvePath(file));
  }

  /** Drops what was parsed from a file whose text changed (an editor buffer, a saved file). */
  forget(file: string): void {
    const abs = resolvePath(file);
    this.docs.delete(abs);
    this.readErrors.delete(abs);
    this.kinds.delete(abs);
    this.problems.delete(abs);
  }

  /**
   * Lets a file's tree go once its units are linted, keeping what it is and its syntax problem.
   * Holding every tree of a large run makes the garbage collector's work grow with the run.
   */
  release(file: string): void {
    const abs = resolvePath(file);
    if (this.docs.has(abs)) {
      if (/\.jsonc?$/i.test(abs) && !isTerraformFile(abs)) {
        this.kindOf(abs);
        this.fileProblem(abs);
      }
      this.docs.delete(abs);
    }
    this.fs.release(abs);
  }

  private kindOf(abs: string): JsonKind {
    let kind = this.kinds.get(abs);
    if (kind === undefined) {
      const doc = this.parse(abs);
      kind = !doc?.root ? 'other' : looksLikePlan(doc) ? 'plan' : classifyArmJson(doc.root);
      this.kinds.set(abs, kind);
    }
    return kind;
  }

  readError(file: string): string | undefined {
    return this.readErrors.get(resolvePath(file));
  }

  /** The units a file belongs to; a parameter file belongs to the templates it pairs with. */
  unitsOf(file: string): UnitRef[] {
    const abs = resolvePath(file);
    if (isTerraformFile(abs)) {
      const dir = path.dirname(abs);
      return [{ key: `terraform:${dir}`, kind: 'terraform', entry: dir }];
    }
    if (!/\.jsonc?$/i.test(abs)) return [];
    const kind = this.kindOf(abs);
    if (kind === 'plan') return [{ key: `plan:${abs}`, kind: 'plan', entry: abs }];
    if (kind === 'template') return [{ key: `arm:${abs}`, kind: 'arm', entry: abs }];
    if (kind === 'parameters') return this.templatesPairedWith(abs);
    return [];
  }

  private templatesPairedWith(paramFile: string): UnitRef[] {
    const dir = path.dirname(paramFile);
    const names = this.fs.list(dir);
    const paramName = path.basename(paramFile);
    // Pairing by name alone needs this one listing, not one listing per sibling template.
    const byName = !this.options.paramFilesFor && !this.options.paramFiles?.length;
    const listed = names.includes(paramName);
    return names
      .map((name) => path.join(dir, name))
      .filter((f, i) => {
        if (f === paramFile || !/\.jsonc?$/i.test(f)) return false;
        return byName ? listed && isConventionalParameterFile(names[i]!, paramName) : this.paramFilesOf(f).includes(paramFile);
      })
      .filter((f) => this.kindOf(f) === 'template')
      .map((f) => ({ key: `arm:${f}`, kind: 'arm' as const, entry: f }));
  }

  paramFilesOf(template: string): string[] {
    const configured = this.options.paramFilesFor?.(template);
    if (configured) return [...configured];
    const explicit = this.options.paramFiles;
    if (explicit?.length) {
      const dir = path.dirname(template);
      return explicit.map((p) => path.resolve(this.fs.root, p)).filter((p) => path.dirname(p) === dir);
    }
    return conventionalParameterFiles(template, this.fs);
  }

  evaluate(unit: UnitRef): Evaluation {
    switch (unit.kind) {
      case 'arm': {
        const doc = this.parse(unit.entry);
        if (!doc?.root) return { models: [], diagnostics: [], files: [unit.entry] };
        return evaluateArmUnit(unit.entry, doc, this.fs, this.parse, this.paramFilesOf(unit.entry));
      }
      case 'terraform':
        return evaluateTerraformModule(unit.entry, this.fs, { varFiles: (this.options.varFiles ?? []).map((f) => path.resolve(this.fs.root, f)) });
      case 'plan': {
        const read = this.fs.read(unit.entry);
        return (read.ok ? evaluateTerraformPlan(unit.entry, read.text) : undefined) ?? { models: [], diagnostics: [], files: [unit.entry] };
      }
    }
  }

  /** A fatal diagnostic for a JSON file that cannot be read or parsed; Terraform reports its own. */
  fileProblem(file: string): UnitDiagnostic | undefined {
    const abs = resolvePath(file);
    if (this.problems.has(abs)) return this.problems.get(abs);
    const problem = this.findProblem(abs);
    this.problems.set(abs, problem);
    return problem;
  }

  private findProblem(file: string): UnitDiagnostic | undefined {
    if (isTerraformFile(file)) {
      const reason = this.fs.read(file);
      return reason.ok ? undefined : { loc: { file, start: 0, end: 0 }, message: `Cannot read file: ${reason.reason}`, fatal: true, severity: 'error' };
    }
    const doc = this.parse(file);
    if (!doc) return { loc: { file, start: 0, end: 0 }, message: `Cannot read file: ${this.readError(file) ?? 'unknown error'}`, fatal: true, severity: 'error' };
    const first = doc.errors[0];
    if (!first) return undefined;
    return { loc: { file, start: first.offset, end: first.offset + first.length }, message: `Parsing error: ${first.message}`, fatal: true, severity: 'error' };
  }
}
