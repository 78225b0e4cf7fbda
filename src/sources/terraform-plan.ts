import path from 'node:path';
import { mapModel } from '../azure/from-azurerm/model.js';
import { looksLikePlan, readPlan } from '../lang/terraform/plan.js';
import { parseJson, type JsonDocument } from '../syntax/json/parse.js';
import { JSON_PARSER, jsonFileProblem, printJsonLiteral } from './json-file.js';
import { jsonComments } from '../syntax/json/scan.js';
import type { Evaluation, SourceKind, Workspace } from './source-kind.js';

/** Maps a parsed `terraform show -json` document; undefined when it is not a plan or state. */
export function evaluatePlanDocument(file: string, doc: JsonDocument): Evaluation | undefined {
  const plan = readPlan(file, doc);
  if (!plan) return undefined;
  return { models: [mapModel(plan.resources, path.basename(file))], diagnostics: plan.diagnostics, files: [file] };
}

/** Recognises `terraform show -json` output and maps it. Returns undefined when `text` is not a plan/state JSON. */
export function evaluateTerraformPlan(file: string, text: string): Evaluation | undefined {
  return evaluatePlanDocument(file, parseJson(text));
}

function isPlan(file: string, ws: Workspace): boolean {
  return ws.fact('plan', file, () => looksLikePlan(ws.parsed(JSON_PARSER, file)?.root));
}

/** Plan or state JSON from `terraform show -json`: every resource instance with its planned values. */
export const terraformPlan: SourceKind = {
  id: 'plan',
  files: ['**/*.json'],
  ignores: ['**/*.tf.json', '**/*.tfvars.json'],
  unitsOf: (file, ws) => (isPlan(file, ws) ? [{ key: `plan:${file}`, kind: 'plan', entry: file }] : []),
  remember: (file, ws) => void isPlan(file, ws),
  evaluate(unit, ws) {
    const doc = ws.parsed(JSON_PARSER, unit.entry);
    return (doc ? evaluatePlanDocument(unit.entry, doc) : undefined) ?? { models: [], diagnostics: [], files: [unit.entry] };
  },
  fileProblem: jsonFileProblem,
  anchorFile: (unit) => unit.entry,
  // A plan is a whole configuration; nothing links to it.
  callersNear: () => [],
  comments: (_file, text) => jsonComments(text),
  printLiteral: (value) => printJsonLiteral(value),
};
