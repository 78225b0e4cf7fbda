import path from 'node:path';
import type { ProjectFs } from '../kernel/project-fs.js';
import type { Evaluation } from './evaluation.js';
import { Diagnostics } from '../lang/terraform/diagnostics.js';
import { azapiInstanceId } from '../azure/from-azurerm/azapi.js';
import { mapModel } from '../azure/from-azurerm/model.js';
import { runModule } from '../lang/terraform/module.js';
import { readPlan } from '../lang/terraform/plan.js';

export interface TerraformOptions {
  readonly varFiles?: readonly string[];
  /** read TF_VAR_* only when true */
  readonly useEnv?: boolean;
}

/**
 * Evaluates the module in `dir` (all *.tf and *.tf.json, terraform.tfvars, *.auto.tfvars, then
 * varFiles, which resolve against `dir` when relative) into the model.
 */
export function evaluateTerraformModule(dir: string, fs: ProjectFs, options: TerraformOptions): Evaluation {
  const diagnostics = new Diagnostics();
  const run = runModule(dir, fs, diagnostics, { varFiles: options.varFiles ?? [], ...(options.useEnv ? { env: process.env } : {}), instanceId: azapiInstanceId });
  if (!run.found) return { models: [], diagnostics: diagnostics.list, files: [] };
  const scenario = run.varFilesUsed.length ? run.varFilesUsed.map((f) => path.basename(f)).join(', ') : 'defaults';
  return { models: [mapModel(run.resources, scenario)], diagnostics: diagnostics.list, files: run.filesRead };
}

/** Recognises `terraform show -json` output and maps it. Returns undefined when `text` is not a plan/state JSON. */
export function evaluateTerraformPlan(file: string, text: string): Evaluation | undefined {
  const plan = readPlan(file, text);
  if (!plan) return undefined;
  return { models: [mapModel(plan.resources, path.basename(file))], diagnostics: plan.diagnostics, files: [file] };
}
