import path from 'node:path';
import type { RuleContext, RuleDefinition, RulesMeta, RuleTextEditor, SourceLocation, ViolationReport } from '@eslint/core';
import { docsUrl, qualifiedRuleId } from '../kernel/meta.js';
import type { LintMessage } from '../engine/lint-message.js';
import { presetSeverity, type Rule } from '../../rules/api.js';
import type { JsonDocument } from '../syntax/json/parse.js';
import { sessionFor, type AdoptedParse, type PluginSettings } from './session.js';
import { JSON_PARSER } from '../sources/json-file.js';
import { BICEP_PARSER } from '../sources/bicep.js';
import { readSettings } from './settings.js';
import { BicepSourceCode, isBicepParamsFile } from './bicep-language.js';

/** The languages every rule runs on: ours, and `@eslint/json`'s for users who lint ARM JSON with it. */
export const RULE_LANGUAGES = ['azure-backup/arm', 'azure-backup/hcl', 'azure-backup/bicep', 'json/json', 'json/jsonc'] as const;

type Options = Readonly<Record<string, unknown>>;

/**
 * One lint of one file: the rules ESLint enabled register their options while being created,
 * and the first one to reach the root node runs the engine for all of them.
 */
interface Pass {
  readonly ruleOptions: Map<string, Options>;
  messages?: readonly LintMessage[];
}

const passes = new WeakMap<object, Pass>();

function passOf(sourceCode: object): Pass {
  let pass = passes.get(sourceCode);
  if (!pass) {
    pass = { ruleOptions: new Map() };
    passes.set(sourceCode, pass);
  }
  return pass;
}

interface SourceCodeLike {
  readonly text: string;
  readonly ast: object;
  getLoc(node: object): SourceLocation;
}

function messagesOf(context: RuleContext, sourceCode: SourceCodeLike, pass: Pass, settings: PluginSettings): readonly LintMessage[] {
  if (pass.messages) return pass.messages;
  const cwd = path.resolve(context.cwd);
  const file = path.resolve(cwd, context.physicalFilename);
  pass.messages = sessionFor(cwd, settings, pass.ruleOptions).messagesFor(file, sourceCode.text, adoptable(sourceCode));
  return pass.messages;
}

/** The language's parse of the text, when the engine parses the same syntax the same way. */
function adoptable(sourceCode: SourceCodeLike): AdoptedParse | undefined {
  // Parse diagnostics name the file as ESLint gave it; the engine's name it by its absolute path.
  if (sourceCode instanceof BicepSourceCode) return sourceCode.parse.diagnostics.length ? undefined : { parser: BICEP_PARSER, value: sourceCode.parse };
  const doc = (sourceCode.ast as { document?: JsonDocument }).document;
  return doc && doc.text === sourceCode.text ? { parser: JSON_PARSER, value: doc } : undefined;
}

/** An engine message (1-based columns) as an ESLint report in a language whose columns start at `base`. */
export function toReport(m: LintMessage, base: number): ViolationReport & { loc: SourceLocation } {
  const start = { line: m.line, column: m.column - 1 + base };
  const end = { line: m.endLine ?? m.line, column: (m.endColumn ?? m.column) - 1 + base };
  const suggest = m.suggestions?.map((s) => ({ desc: s.desc, fix: (fixer: RuleTextEditor) => fixer.replaceTextRange([s.fix.range[0], s.fix.range[1]], s.fix.text) }));
  return { message: m.message, loc: { start, end }, ...(suggest?.length ? { suggest } : {}) };
}

/** JSON Schema of a rule's options, from the shape of their defaults. */
function optionsSchema(defaults: Options | undefined): RulesMeta['schema'] {
  if (!defaults) return [];
  const properties: Record<string, object> = {};
  for (const [key, value] of Object.entries(defaults)) {
    if (Array.isArray(value)) properties[key] = { type: 'array', items: { type: typeof value[0] === 'number' ? 'number' : 'string' } };
    else properties[key] = { type: typeof value };
  }
  return [{ type: 'object', properties, additionalProperties: false }];
}

/** An ESLint rule that reports the engine's findings of one catalog rule in the file being linted. */
export function eslintRule(rule: Rule): RuleDefinition {
  const ruleId = qualifiedRuleId(rule.id);
  return {
    meta: {
      type: 'problem',
      docs: { description: rule.meta.description, url: docsUrl(rule.id), recommended: presetSeverity(rule.meta, 'recommended') !== 'off' },
      // A finding on a literal written in place may carry a replacement (the engine decides per finding).
      hasSuggestions: true,
      schema: optionsSchema(rule.meta.defaultOptions),
      ...(rule.meta.defaultOptions ? { defaultOptions: [rule.meta.defaultOptions] } : {}),
      languages: [...RULE_LANGUAGES],
    } as RulesMeta,
    create(context) {
      passOf(context.sourceCode).ruleOptions.set(rule.id, (context.options[0] as Options | undefined) ?? {});
      return reporter(context, (m) => m.ruleId === ruleId);
    },
  };
}

/** Reports, once the root node is reached, the engine's messages for this file that `wanted` picks. */
function reporter(context: RuleContext, wanted: (m: LintMessage) => boolean) {
  const settings = readSettings(context.settings);
  const sourceCode = context.sourceCode as unknown as SourceCodeLike;
  const pass = passOf(sourceCode);
  const report = () => {
    const messages = messagesOf(context, sourceCode, pass, settings);
    // A `.bicepparam` is linted so that its edits re-evaluate the `.bicep` it feeds; its values' findings show there.
    if (isBicepParamsFile(context.physicalFilename)) return;
    // Columns in reports count from the language's own base (the root starts at offset 0); asked
    // only when there is something to report, since it may index the lines of a large file.
    let base: number | undefined;
    for (const m of messages) if (wanted(m)) context.report(toReport(m, (base ??= sourceCode.getLoc(sourceCode.ast).start.column)));
  };
  // `Document` is the root of JSON (ours and @eslint/json's), `File` of HCL, `Program` of Bicep.
  return { Document: report, File: report, Program: report };
}

/** Id of the one rule that is not in the catalog. */
export const TEMPLATE_PROBLEMS = 'template-problems';

/**
 * ESLint shows only rule and parse messages, so the engine's messages about the input itself
 * (template mistakes, ARM limits, cycles, refused links: rule-less in the CLI) come through this rule.
 */
export function templateProblemsRule(): RuleDefinition {
  return {
    meta: {
      type: 'problem',
      docs: {
        description: 'Report mistakes in templates and modules that the linter meets while evaluating them, and what it could not evaluate',
        url: docsUrl(TEMPLATE_PROBLEMS),
        recommended: true,
      },
      schema: [],
      languages: [...RULE_LANGUAGES],
    } as RulesMeta,
    create: (context) => reporter(context, (m) => m.ruleId === null),
  };
}
