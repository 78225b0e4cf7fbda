import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { inertJson } from './safe-text.js';
import { flaggedText } from '../results/baseline.js';
import type { LintMessage, RelatedLocation } from '../engine/lint-message.js';
import { sourceOf, type LintResult, type RuleInfo, type RunReport, type SuppressedMessage } from '../results/results.js';
import type { Severity } from '../../rules/api.js';
import type { FormatterOptions } from './types.js';
import { bareRuleId, INPUT_DIAGNOSTIC_ID, isError, PARSE_ERROR_ID, relativePath } from './util.js';

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
 * - Paths are relative to `%SRCROOT%` (the cwd), which `originalUriBaseIds` pins down.
 * - Messages without a rule (parse errors, evaluation problems) are results of the
 *   synthetic rules `parse-error` / `input-diagnostic`, so they show up next to the code
 *   like any other alert instead of only in the tool's execution log.
 * - `partialFingerprints` hash the rule, the path and the flagged text (not the line
 *   number), so alerts keep their identity when unrelated lines move.
 */

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/eslint-plugin-azure-backup';
const SRCROOT = '%SRCROOT%';
const FINGERPRINT_KEY = 'azureBackupLint/v1';

const SYNTHETIC_RULES: Readonly<Record<string, string>> = {
  [PARSE_ERROR_ID]: 'The file could not be read or parsed; no rule ran on it.',
  [INPUT_DIAGNOSTIC_ID]: 'A mistake in the template or module (an undeclared parameter, an unknown function, an index out of range), or a part the linter could not evaluate (a copy loop over the ARM limit, a cycle, a linked template it may not read).',
};

type Level = 'error' | 'warning' | 'note' | 'none';

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase());
}

/** Markdown's inline syntax characters, escaped so that a matrix row shows as written. */
function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}

/**
 * Results carry short messages; the rule's support-matrix row, which says why, is the rule's
 * full description and help, where code-scanning viewers show it next to the alert.
 */
function ruleDescriptor(rule: RuleInfo) {
  const { edition, text: row } = rule.matrixRow;
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: row },
    helpUri: rule.docsUrl,
    help: {
      text: `${rule.description}\n\nSupport matrix for Azure VM backup, ${edition} edition: "${row}"\n\nDocs: ${rule.docsUrl}`,
      markdown: `${markdownText(rule.description)}\n\n*Support matrix for Azure VM backup*, ${edition} edition:\n\n> ${markdownText(row)}\n\n[Rule documentation](${rule.docsUrl})`,
    },
    defaultConfiguration: defaultConfiguration(rule.defaultSeverity),
  };
}

function defaultConfiguration(severity: Severity): { level: Level; enabled?: false } {
  if (severity === 'error') return { level: 'error' };
  if (severity === 'warn') return { level: 'warning' };
  // Rules that are off by default (restore limitations) report warnings once turned on.
  return { level: 'warning', enabled: false };
}

function syntheticDescriptor(id: string) {
  const text = SYNTHETIC_RULES[id]!;
  return { id, name: pascalCase(id), shortDescription: { text }, fullDescription: { text }, defaultConfiguration: { level: 'error' as Level } };
}

/** SARIF requires base URIs to end with a slash. */
function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : href + '/';
}

function encodePath(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/');
}

function artifactLocation(cwd: string, filePath: string): { uri: string; uriBaseId?: string } {
  const rel = relativePath(cwd, filePath);
  if (rel.startsWith('../') || rel === '..' || rel.startsWith('/')) return { uri: pathToFileURL(filePath).href };
  return { uri: encodePath(rel), uriBaseId: SRCROOT };
}

interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

function region(s: Span) {
  return {
    startLine: Math.max(s.line, 1),
    startColumn: Math.max(s.column, 1),
    ...(s.endLine !== undefined ? { endLine: s.endLine } : {}),
    ...(s.endColumn !== undefined ? { endColumn: s.endColumn } : {}),
  };
}

function relatedLocation(cwd: string, r: RelatedLocation, index: number) {
  return {
    id: index + 1,
    message: { text: r.message },
    physicalLocation: { artifactLocation: artifactLocation(cwd, r.filePath), region: region(r) },
  };
}

function fingerprint(ruleId: string, rel: string, text: string): string {
  return createHash('sha256').update(`${ruleId}\n${rel}\n${text}`).digest('hex').slice(0, 32);
}

function isSuppressed(m: LintMessage): m is SuppressedMessage {
  return 'suppressions' in m;
}

export function sarif(report: RunReport, options: FormatterOptions = {}): string {
  const cwd = options.cwd ?? report.cwd;
  const rules: object[] = report.rules.map(ruleDescriptor);
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  const indexOf = (id: string): number => {
    let i = ruleIndex.get(id);
    if (i === undefined) {
      i = rules.length;
      rules.push(id in SYNTHETIC_RULES ? syntheticDescriptor(id) : { id });
      ruleIndex.set(id, i);
    }
    return i;
  };

  const results: object[] = [];
  for (const result of report.results) {
    const rel = relativePath(cwd, result.filePath);
    for (const { m, fp } of fingerprinted(result, rel)) {
      const ruleId = bareRuleId(m);
      results.push({
        ruleId,
        ruleIndex: indexOf(ruleId),
        level: isError(m) ? 'error' : 'warning',
        message: { text: m.message },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(cwd, result.filePath), region: region(m) } }],
        ...(m.relatedLocations?.length ? { relatedLocations: m.relatedLocations.map((r, i) => relatedLocation(cwd, r, i)) } : {}),
        partialFingerprints: { [FINGERPRINT_KEY]: fp },
        ...(isSuppressed(m)
          ? { suppressions: m.suppressions.map((s) => ({ kind: s.kind === 'directive' ? 'inSource' : 'external', justification: s.justification })) }
          : {}),
      });
    }
  }

  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'azure-backup-lint',
            version: report.toolVersion,
            semanticVersion: report.toolVersion,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  // SARIF printed to a CI log must not carry a logging command from a template value either.
  return inertJson(JSON.stringify(log, null, 2)) + '\n';
}

/**
 * Reported and suppressed messages in source order, each with its fingerprint. The
 * occurrence index is counted over both lists so suppressing one finding (a baseline)
 * does not change the fingerprints of its identical neighbours.
 */
function fingerprinted(result: LintResult, rel: string): { m: LintMessage; fp: string }[] {
  const all: LintMessage[] = [...result.messages, ...result.suppressedMessages].sort((a, b) => a.line - b.line || a.column - b.column);
  const out: { m: LintMessage; fp: string }[] = [];
  const source = sourceOf(result);
  forEachOccurrence(
    all,
    (m) => fingerprint(bareRuleId(m), rel, flaggedText(source, m)),
    (m, key, index) => out.push({ m, fp: `${key}:${index}` }),
  );
  return out;
}

/**
 * Calls `visit` for each message with its identity key and how many earlier messages
 * of the same result had that key (0 for the first).
 */
function forEachOccurrence<M extends LintMessage>(
  messages: readonly M[],
  keyOf: (m: M) => string,
  visit: (m: M, key: string, index: number) => void,
): void {
  const seen = new Map<string, number>();
  for (const m of messages) {
    const key = keyOf(m);
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    visit(m, key, index);
  }
}
