import { armJson } from './arm-json.js';
import { bicepSource } from './bicep.js';
import type { SourceKind } from './source-kind.js';
import { terraformDir } from './terraform-dir.js';
import { terraformPlan } from './terraform-plan.js';

/** Every kind of source the product reads, in the order a file's units are listed. */
export const SOURCE_KINDS: readonly SourceKind[] = [terraformDir, terraformPlan, armJson, bicepSource];
