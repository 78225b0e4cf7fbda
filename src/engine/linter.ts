import path from 'node:path';
import type { LineIndex, Loc } from '../kernel/location.js';
import type { VirtualMachine } from '../azure/model.js';
import { asString, toPlain, type Val } from '../kernel/value.js';
import { idText } from '../kernel/names.js';
import type { Rule } from '../../rules/api.js';
import type { Evaluation, SourceKind, UnitRef } from '../sources/source-kind.js';
import { callerPlace, runRules, type Finding } from './findings.js';
import type { InventoryEntry, LintMessage } from './lint-message.js';
import { Positions, toLintMessage } from './messages.js';
import type { LintOptions } from './options.js';
import { resolvePath, type ProjectFs } from '../kernel/project-fs.js';
import { activeRules, type ActiveRule } from './rule-config.js';
import { diagnosticText, type Diagnostic } from '../kernel/diagnostic.js';
import { UnitIndex } from './units.js';
import { keptCopy, ownCopy } from '../kernel/own-text.js';

export interface UnitOutcome {
  readonly unit: UnitRef;
  /** Every file the evaluation read; the model itself is not kept once the rules have run. */
  readonly files: readonly string[];
  readonly messages: ReadonlyMap<string, readonly LintMessage[]>;
  readonly inventory: readonly InventoryEntry[];
}

/**
 * Evaluates units and runs the rules on them, each unit once per linter: the CLI, the API and
 * the ESLint plugin (which asks file by file) share this.
 */
export class Linter {
  readonly units: UnitIndex;
  positions: Positions;
  private readonly rules: readonly ActiveRule[];
  private readonly outcomes = new Map<string, UnitOutcome>();
  /** Units whose findings land in a file they do not start from (linked templates, child modules). */
  private readonly reachedFrom = new OutcomesByFile();
  /** Units that read a file: a linked template is read by its parent, a child module by its caller. */
  private readonly readBy = new OutcomesByFile();
  /** `callersOf` answers, valid while no unit is linted or forgotten. */
  private readonly callers = new Map<UnitOutcome, UnitOutcome[]>();
  private readonly about: ReadonlySet<string> | undefined;

  constructor(
    readonly fs: ProjectFs,
    private readonly options: LintOptions,
    /** The source kinds and the rule catalog, from the composition root (src/setup.ts). */
    kinds: readonly SourceKind[],
    rules: readonly Rule[],
    /** Whether outcomes list the VMs (`inventory`); an editor session shows only messages. */
    private readonly withInventory = true,
  ) {
    this.units = new UnitIndex(fs, options, kinds);
    this.positions = new ParsedPositions(fs, this.units);
    this.rules = activeRules(options, rules);
    this.about = options.about ? new Set(options.about.map(resolvePath)) : undefined;
  }

  /** Whether a unit's findings are reported: always, unless the run is about some files only. */
  private inScope(outcome: UnitOutcome, file: string): boolean {
    const about = this.about;
    return !about || about.has(file) || about.has(outcome.unit.entry) || outcome.files.some((f) => about.has(f));
  }

  /** Every message for one file: its syntax problem, or the findings of each unit it belongs to. */
  messagesFor(file: string): LintMessage[] {
    const abs = resolvePath(file);
    const problem = this.units.fileProblem(abs);
    if (problem) return [this.diagnosticMessage(problem)];
    const own = this.units.unitsOf(abs).map((u) => this.lintUnit(u));
    // Messages come only from units that reported into the file, and most files have none.
    if (!this.reachedFrom.has(abs)) return [];
    const seen = new Set<string>();
    const out: LintMessage[] = [];
    const callers = own.flatMap((o) => this.callersOf(o));
    // A linked template or child module is judged with the values its callers pass, not alone
    // with its defaults: alone it would repeat their findings or report values never deployed.
    const outcomes = [...new Set([...(callers.length ? callers : own), ...this.reachedFrom.get(abs)].filter((o) => callers.length === 0 || !own.includes(o)))];
    // A module between the root and this file is judged by its own callers too: alone it would
    // report what they never deploy (a module call with count 0). Unless all are called (a cycle).
    const fromRoots = outcomes.filter((o) => own.includes(o) || this.callersOf(o).length === 0);
    for (const outcome of fromRoots.length ? fromRoots : outcomes) {
      if (!this.inScope(outcome, abs)) continue;
      for (const m of outcome.messages.get(abs) ?? []) {
        const key = `${m.ruleId}|${m.line}|${m.column}|${m.endLine}|${m.endColumn}|${m.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(m);
      }
    }
    return out.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
  }

  /**
   * Lets go of the parsed trees of a unit's own files once it is linted (see UnitIndex.release);
   * files of other units it read stay parsed for their other readers.
   */
  release(outcome: UnitOutcome): void {
    const key = outcome.unit.key;
    for (const file of outcome.files) {
      if (file === outcome.unit.entry || this.units.unitsOf(file).some((u) => u.key === key)) this.units.release(file);
      else this.units.share(file);
    }
    this.units.release(outcome.unit.entry);
    this.units.releaseFactParses();
  }

  /**
   * Other linted units that read this unit's entry file (or a file of its entry directory).
   * Asked once per file of the unit (a module of 800 files), so remembered until another unit is linted.
   */
  callersOf(outcome: UnitOutcome): UnitOutcome[] {
    const known = this.callers.get(outcome);
    if (known) return known;
    const entry = outcome.unit.entry;
    const entryFiles = [entry, ...outcome.files.filter((f) => path.dirname(f) === entry)];
    const callers = new Set<UnitOutcome>();
    for (const file of entryFiles) for (const reader of this.readBy.get(file)) if (reader !== outcome) callers.add(reader);
    const list = [...callers];
    this.callers.set(outcome, list);
    return list;
  }

  /** Files the units linted so far read or report in: what a parallel run must keep together. */
  touchedFiles(): string[] {
    return [...new Set([...this.readBy.keys(), ...this.reachedFrom.keys()])];
  }

  /** Files that hold findings or diagnostics of the units linted so far. */
  filesWithFindings(): string[] {
    return [...this.reachedFrom.keys()].filter((f) => this.reachedFrom.get(f).some((o) => (o.messages.get(f)?.length ?? 0) > 0));
  }

  /**
   * Forgets everything derived from a file whose text changed, so the next `messagesFor` of any
   * file of the same units re-evaluates them; other units stay cached (a warm editor session).
   */
  invalidate(file: string): void {
    const abs = resolvePath(file);
    this.units.forget(abs);
    // Line indexes are keyed by file only; start afresh (JSON files reuse their parse's index).
    this.positions = new ParsedPositions(this.fs, this.units);
    // A unit whose entry is a directory (a module) changes with any file in it.
    const dir = path.dirname(abs);
    this.callers.clear();
    for (const [key, outcome] of this.outcomes) {
      const touches =
        outcome.unit.entry === abs ||
        outcome.unit.entry === dir ||
        outcome.files.includes(abs) ||
        outcome.messages.has(abs);
      if (!touches) continue;
      this.outcomes.delete(key);
      this.reachedFrom.deleteOutcome(outcome);
      this.readBy.deleteOutcome(outcome);
    }
  }

  lintUnit(unit: UnitRef): UnitOutcome {
    const cached = this.outcomes.get(unit.key);
    if (cached) return cached;
    const outcome = this.evaluateSafely(unit);
    this.outcomes.set(unit.key, outcome);
    this.callers.clear();
    for (const file of outcome.messages.keys()) this.reachedFrom.add(file, outcome);
    for (const file of outcome.files) this.readBy.add(file, outcome);
    return outcome;
  }

  private evaluateSafely(unit: UnitRef): UnitOutcome {
    let evaluation: Evaluation;
    try {
      evaluation = this.units.evaluate(unit);
    } catch (e) {
      const file = this.units.anchorFile(unit);
      const reason = e instanceof RangeError ? 'input nested too deeply to evaluate' : `internal error: ${(e as Error).message}`;
      evaluation = { models: [], diagnostics: [{ severity: 'error', summary: `Cannot evaluate: ${reason}`, subject: { file, start: 0, end: 0 }, fatal: true }], files: [] };
    }
    const messages = new Map<string, LintMessage[]>();
    const add = (file: string, m: LintMessage) => {
      const list = messages.get(file) ?? [];
      list.push(m);
      messages.set(file, list);
    };
    for (const d of evaluation.diagnostics) add(d.subject.file, this.diagnosticMessage(d));
    const fallback: Loc = { file: this.units.anchorFile(unit), start: 0, end: 0 };
    // One message per rule, place and caller: copy-loop instances and scenarios that hit the same
    // literal are one problem for the person editing it; callers that pass a module or linked
    // template different values are one problem each, to be fixed where each passes it.
    const byPlace = new Map<string, { finding: Finding; scenarios: string[]; messages: Set<string> }>();
    for (const model of evaluation.models) {
      const findings = runRules(model, this.rules, this.options, fallback, (e, ruleId) =>
        add(fallback.file, { ruleId: null, severity: 2, fatal: true, message: `Internal error in rule ${ruleId}: ${(e as Error).message}`, line: 1, column: 1 }),
      );
      for (const f of findings) {
        const caller = callerPlace(f.origins);
        const key = `${f.ruleId}|${f.loc.file}|${f.loc.start}|${f.loc.end}|${f.maybe}|${caller ? `${caller.file}:${caller.start}` : ''}`;
        const entry = byPlace.get(key);
        if (!entry) byPlace.set(key, { finding: f, scenarios: [f.scenario], messages: new Set([f.message]) });
        else {
          if (!entry.scenarios.includes(f.scenario)) entry.scenarios.push(f.scenario);
          entry.messages.add(f.message);
        }
      }
    }
    const scenarioCount = evaluation.models.length;
    for (const { finding, scenarios, messages: variants } of byPlace.values()) {
      const more = variants.size > 1 ? ` (and ${variants.size - 1} more like it from the same declaration)` : '';
      const merged = more ? { ...finding, message: `${finding.message}${more}` } : finding;
      add(finding.loc.file, toLintMessage(merged, scenarios, scenarioCount > 1 && scenarios.length < scenarioCount, this.positions, this.units.printLiteral(unit)));
    }
    // Outcomes are kept for the run: most units find nothing, and share one empty map.
    return { unit, files: evaluation.files, messages: messages.size ? messages : NO_MESSAGES, inventory: this.withInventory ? this.inventoryOf(unit, evaluation) : [] };
  }

  private diagnosticMessage(d: Diagnostic): LintMessage {
    return {
      ruleId: null,
      severity: d.severity === 'error' ? 2 : 1,
      message: ownCopy(diagnosticText(d)),
      ...this.positions.range(d.subject),
      ...(d.fatal ? { fatal: true } : {}),
    };
  }

  /** One entry per VM declaration, from the unit's first scenario. */
  private inventoryOf(unit: UnitRef, evaluation: Evaluation): InventoryEntry[] {
    const model = evaluation.models[0];
    if (!model) return [];
    const byDecl = new Map<string, VirtualMachine[]>();
    for (const vm of model.vms) {
      const key = `${vm.at.file}|${vm.at.start}`;
      const instances = byDecl.get(key);
      if (instances) instances.push(vm);
      else byDecl.set(key, [vm]);
    }
    // A declaration some of whose copies are deployed is listed with those.
    const inactive: InventoryEntry[] = (evaluation.inactiveVms ?? []).filter((d) => !byDecl.has(`${d.at.file}|${d.at.start}`)).map((d) => ({
      filePath: d.at.file,
      ...this.positions.lineColumn(d.at),
      name: ownCopy(d.name),
      kind: unit.kind,
      instances: 0,
      size: '',
      location: '',
      diskCount: 0,
      diskTypes: [],
      protected: false,
      scenario: keptCopy(model.scenario.name),
    }));
    return [...inactive, ...[...byDecl.values()].map((vms) => {
      const vm = vms[0]!;
      const disks = [vm.osDisk, ...vm.dataDisks].filter((d) => d !== undefined);
      return {
        filePath: vm.at.file,
        ...this.positions.lineColumn(vm.at),
        name: display(vm.name, ownCopy),
        kind: unit.kind,
        // A module deployed twice with the same names (create, then update) deploys one VM, not two.
        instances: new Set(vms.map((v, i) => v.id ?? sameVmKey(v) ?? i)).size,
        // Sizes and locations repeat from VM to VM: one kept string each.
        size: display(vm.size, keptCopy),
        location: display(vm.location, keptCopy),
        diskCount: disks.length,
        diskTypes: [...new Set(disks.map((d) => keptCopy(asString(d.storageType) ?? (d.vhdUri ? 'unmanaged' : '?'))))],
        protected: vms.some((v) => v.protectedBy.length > 0),
        scenario: keptCopy(model.scenario.name),
      };
    })];
  }
}

const NO_MESSAGES: ReadonlyMap<string, readonly LintMessage[]> = new Map();

/**
 * Outcomes by file, kept for the run. Most files are read by one unit only: that outcome is kept
 * as it is, and a set is made for the second (a set per file took ~150 bytes of each).
 */
class OutcomesByFile {
  private readonly byFile = new Map<string, UnitOutcome | Set<UnitOutcome>>();

  add(file: string, outcome: UnitOutcome): void {
    const known = this.byFile.get(file);
    if (known === undefined) this.byFile.set(file, outcome);
    else if (known instanceof Set) known.add(outcome);
    else if (known !== outcome) this.byFile.set(file, new Set([known, outcome]));
  }

  get(file: string): readonly UnitOutcome[] {
    const known = this.byFile.get(file);
    return known === undefined ? [] : known instanceof Set ? [...known] : [known];
  }

  has(file: string): boolean {
    return this.byFile.has(file);
  }

  keys(): IterableIterator<string> {
    return this.byFile.keys();
  }

  /** Forgets an outcome; its files stay listed, as they were with the sets this replaced. */
  deleteOutcome(outcome: UnitOutcome): void {
    for (const [file, known] of this.byFile) {
      if (known instanceof Set) known.delete(outcome);
      else if (known === outcome) this.byFile.set(file, new Set());
    }
  }
}

/** Which VM a declaration's instance is when its id cannot be built: its group and name, when both can stand in an id. */
function sameVmKey(vm: VirtualMachine): string | undefined {
  const group = idText(vm.resourceGroup);
  const name = idText(vm.name);
  return group === undefined || name === undefined ? undefined : `${group}|${name}`;
}

/** Positions that reuse the line index of a JSON file's parse instead of building a second one. */
class ParsedPositions extends Positions {
  constructor(
    fs: ProjectFs,
    private readonly units: UnitIndex,
  ) {
    super(fs);
  }

  override index(file: string): LineIndex {
    return this.units.lineIndex(file) ?? super.index(file);
  }
}

/**
 * A value for people: deployment-time values by their expression, other unknowns as `?`; a copy,
 * as the inventory outlives the template text the value was cut from.
 */
function display(v: Val, copy: (text: string) => string): string {
  if (v.kind === 'unknown') {
    const text = idText(v);
    return text === undefined ? '?' : copy(text);
  }
  const plain = toPlain(v);
  if (plain === null || plain === undefined) return '';
  return copy(typeof plain === 'string' ? plain : JSON.stringify(plain));
}
