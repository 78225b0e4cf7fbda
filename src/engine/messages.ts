import path from 'node:path';
import { LineIndex, type Loc } from '../kernel/location.js';
import type { Origin } from '../kernel/value.js';
import type { Finding } from './findings.js';
import type { SourceKind } from '../sources/source-kind.js';
import { qualifiedRuleId } from '../kernel/meta.js';
import type { ProjectFs } from '../kernel/project-fs.js';
import type { LintMessage, RelatedLocation } from './lint-message.js';
import { keptCopy } from '../kernel/own-text.js';

/** Line indexes per file, built once per run. */
export class Positions {
  private readonly indexes = new Map<string, LineIndex>();
  constructor(private readonly fs: ProjectFs) {}

  index(file: string): LineIndex {
    let idx = this.indexes.get(file);
    if (!idx) {
      const read = this.fs.read(file);
      idx = new LineIndex(read.ok ? read.text : '');
      this.indexes.set(file, idx);
    }
    return idx;
  }

  lineColumn(loc: Loc): { line: number; column: number } {
    return this.index(loc.file).position(loc.start);
  }

  range(loc: Loc): { line: number; column: number; endLine: number; endColumn: number } {
    const idx = this.index(loc.file);
    const start = idx.position(loc.start);
    const end = idx.position(loc.end);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }
}

export function describeOrigin(o: Origin): string {
  const file = o.loc ? path.basename(o.loc.file) : undefined;
  switch (o.kind) {
    case 'parameter-default':
      return `default of parameter '${o.name}'`;
    case 'parameter-file':
      return `parameter '${o.name}' in ${file}`;
    case 'parameter':
      return `parameter '${o.name}'`;
    case 'variable':
      return `variable '${o.name}'`;
    case 'nested-deployment':
      return `parameter '${o.name}' passed by ${o.caller ?? 'the parent deployment'}`;
    case 'module-parameter':
      return `parameter '${o.name}' passed by ${o.caller ?? 'its module'}`;
    case 'linked-template':
      return `linked template parameter '${o.name}'`;
    case 'copy-input':
      return `copy loop '${o.name}'`;
    case 'tf-variable-default':
      return `default of var.${o.name}`;
    case 'tfvars':
    case 'var-file':
      return `var.${o.name} in ${file}`;
    case 'local':
      return `local.${o.name}`;
    case 'module-input':
      return `input of ${o.name}`;
    case 'module-output':
      return `output of ${o.name}`;
    case 'resource-attribute':
      return o.name;
  }
}

/** "from parameter 'sku' in x.parameters.json ← variable 'v'": the chain, farthest source first. */
export function describeChain(origins: readonly Origin[]): string {
  return [...origins].reverse().map(describeOrigin).join(' → ');
}

export function toLintMessage(
  f: Finding,
  scenarios: readonly string[],
  showScenarios: boolean,
  positions: Positions,
  printLiteral: SourceKind['printLiteral'],
  resource?: string,
): LintMessage {
  const chain = f.origins.length ? ` (value from ${describeChain(f.origins)})` : '';
  const inScenarios = showScenarios ? ` [with ${scenarios.join(', ')}]` : '';
  const related: RelatedLocation[] = f.origins
    .filter((o): o is Origin & { loc: Loc } => o.loc !== undefined)
    .map((o) => ({ filePath: o.loc.file, ...positions.range(o.loc), message: keptCopy(describeOrigin(o)) }));
  return {
    ruleId: qualifiedRuleId(f.ruleId),
    severity: f.severity === 'error' ? 2 : 1,
    // Templates end without a full stop so that the chain and scenarios stay inside the sentence.
    // Copied: messages outlive the template text their names and values were cut from.
    message: keptCopy(`${f.message}${chain}${inScenarios}.`),
    ...positions.range(f.loc),
    ...(related.length ? { relatedLocations: related } : {}),
    scenarios: scenarios.map(keptCopy),
    ...(f.maybe ? { maybe: true } : {}),
    ...(f.suggestions.length
      ? { suggestions: f.suggestions.map((s) => ({ desc: keptCopy(s.message), fix: { range: [f.loc.start, f.loc.end] as const, text: printLiteral(s.value, f.loc.file) } })) }
      : {}),
    ...(resource ? { resource } : {}),
  };
}
