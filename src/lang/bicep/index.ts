import type { WorkBudget } from '../../kernel/work.js';
import { ROOT_TARGET } from '../arm/target.js';
import { deployFile, readBicep } from './deploy.js';
import { FileScope } from './file-scope.js';
import { newRun, type BicepEvaluation, type BicepScenario, type BicepServices } from './run.js';

export type { BicepEvaluation, BicepScenario, BicepServices, OpaqueModule } from './run.js';
export { bicepParamScenario, usingPath } from './params.js';

/**
 * Evaluates a `.bicep` entry under one scenario into the ARM resources it deploys: its own, and
 * those of its local modules (`.bicep` and `.json`), each at its place in its own file.
 * Registry modules and template specs are not read; they are listed in `opaque`.
 */
export function evaluateBicepUnit(entry: string, services: BicepServices, scenario: BicepScenario, work: WorkBudget): BicepEvaluation {
  const run = newRun(services, work);
  const parsed = readBicep(run, entry);
  run.files.add(entry);
  if (parsed) deployFile(new FileScope(run, entry, parsed.ast, scenario.supplied, ROOT_TARGET, 0, [entry]));
  return { resources: run.resources, diagnostics: run.diagnostics.list, files: [...run.files], inactive: run.inactive, opaque: run.opaque };
}
