import path from 'node:path';
import type { Diagnostic } from '../../kernel/diagnostic.js';
import type { BicepParseResult } from '../../syntax/bicep/index.js';
import type { ParamSource } from '../arm/template/scope.js';
import { readBicep } from './deploy.js';
import { assignmentsOf } from './param-extends.js';
import { newRun, type BicepScenario, type BicepServices } from './run.js';
import { WorkBudget } from '../../kernel/work.js';

/**
 * The template a `.bicepparam` file gives values for: the absolute path its `using` names,
 * `none` for `using none`, undefined when it has no literal `using`.
 */
export function usingPath(file: string, parsed: BicepParseResult): string | undefined {
  for (const s of parsed.ast.body) {
    if (s.type !== 'UsingDeclaration') continue;
    if (s.path.type === 'NoneLiteral') return 'none';
    if (s.path.type === 'String' && s.path.expressions.length === 0) {
      const written = s.path.segments[0] ?? '';
      // A registry or template-spec template is not a file here.
      return /^(br|ts)(\/[^:]*)?:/i.test(written) ? undefined : path.resolve(path.dirname(file), written);
    }
  }
  return undefined;
}

/**
 * A `.bicepparam` file as a scenario of its template: each `param x = e`, evaluated with the
 * file's variables, is "parameter 'x' in main.bicepparam" wherever the template uses it; values
 * it inherits through `extends` name the base file.
 */
export function bicepParamScenario(
  file: string,
  services: BicepServices,
): { readonly scenario: BicepScenario; readonly diagnostics: readonly Diagnostic[]; readonly files: readonly string[] } | undefined {
  // A parameter file is evaluated on its own, with its own budget (as a Terraform var file).
  const run = newRun(services, new WorkBudget());
  const parsed = readBicep(run, file);
  if (!parsed) return undefined;
  const supplied = new Map<string, ParamSource>();
  for (const [key, { value }] of assignmentsOf(run, file, parsed.ast)) supplied.set(key, { value, origin: 'parameter-file' });
  for (const d of run.work.diagnostics({ file, start: 0, end: 0 })) run.diagnostics.add(d);
  // The files it extends: editing one re-lints the template.
  return { scenario: { name: path.basename(file), supplied }, diagnostics: run.diagnostics.list, files: [...run.files] };
}
