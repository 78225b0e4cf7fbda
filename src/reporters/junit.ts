import type { LintMessage } from '../engine/lint-message.js';
import type { LintResult, RunReport, SuppressedMessage } from '../results/results.js';
import type { FormatterOptions } from './types.js';
import { inertKeepingBreaks } from './safe-text.js';
import { describeOrigin, displayRuleId, isError, relativePath } from './util.js';

/**
 * JUnit XML for CI test-report tabs: one testsuite per file, one failing testcase per
 * finding (parse errors as `<error>`), suppressed findings as skipped testcases, and one
 * passing testcase for a clean file so the report shows it was checked.
 */

// Characters XML 1.0 cannot hold at all, including lone surrogates.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Test-report tabs show this text and CI logs may print it: what it quotes from the user's files
 * is made inert first (controls and bidi overrides as visible escapes, no logging command).
 */
function xmlText(s: string): string {
  return inertKeepingBreaks(s)
    .replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes and keep line breaks, which parsers would normalize to spaces. */
function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function caseName(m: LintMessage): string {
  return `${displayRuleId(m)} ${m.line}:${m.column}`;
}

function details(m: LintMessage, file: string, cwd: string): string {
  const head = `${file}:${m.line}:${m.column} ${isError(m) ? 'error' : 'warning'} ${m.message}`;
  return [head, ...(m.relatedLocations ?? []).map((r) => `  ↳ ${describeOrigin(cwd, r)}`)].join('\n');
}

function finding(m: LintMessage, file: string, cwd: string): string {
  const tag = m.fatal === true ? 'error' : 'failure';
  const type = m.fatal === true ? displayRuleId(m) : isError(m) ? 'error' : 'warning';
  return (
    `    <testcase classname="${xmlAttr(file)}" name="${xmlAttr(caseName(m))}">\n` +
    `      <${tag} type="${xmlAttr(type)}" message="${xmlAttr(m.message)}">${xmlText(details(m, file, cwd))}</${tag}>\n` +
    `    </testcase>\n`
  );
}

function suppressed(m: SuppressedMessage, file: string): string {
  const why = m.suppressions.map((s) => `${s.kind}: ${s.justification}`).join('; ');
  return `    <testcase classname="${xmlAttr(file)}" name="${xmlAttr(caseName(m))}">\n      <skipped message="${xmlAttr(`suppressed (${why})`)}"/>\n    </testcase>\n`;
}

interface Suite {
  readonly xml: string;
  readonly tests: number;
  readonly failures: number;
  readonly errors: number;
  readonly skipped: number;
}

function suite(result: LintResult, cwd: string): Suite {
  const file = relativePath(cwd, result.filePath);
  const errors = result.messages.filter((m) => m.fatal === true).length;
  const failures = result.messages.length - errors;
  const skipped = result.suppressedMessages.length;
  let cases = result.messages.map((m) => finding(m, file, cwd)).join('') + result.suppressedMessages.map((m) => suppressed(m, file)).join('');
  let tests = result.messages.length + skipped;
  if (result.messages.length === 0) {
    cases = `    <testcase classname="${xmlAttr(file)}" name="azure-backup-lint"/>\n` + cases;
    tests += 1;
  }
  const xml =
    `  <testsuite name="${xmlAttr(file)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}">\n` +
    cases +
    `  </testsuite>\n`;
  return { xml, tests, failures, errors, skipped };
}

export function junit(report: RunReport, options: FormatterOptions = {}): string {
  const cwd = options.cwd ?? report.cwd;
  const suites = report.results.map((r) => suite(r, cwd));
  const sum = (k: 'tests' | 'failures' | 'errors' | 'skipped'): number => suites.reduce((n, s) => n + s[k], 0);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="azure-backup-lint" tests="${sum('tests')}" failures="${sum('failures')}" errors="${sum('errors')}" skipped="${sum('skipped')}">\n` +
    suites.map((s) => s.xml).join('') +
    '</testsuites>\n'
  );
}
