// The composition root: the one place that hands the engine its source kinds and rules. The
// API, the CLI (and its worker threads) and the ESLint plugin all build their linters here.
import { rules } from '../rules/index.js';
import type { Rule } from '../rules/api.js';
import { Linter } from './engine/linter.js';
import type { LintOptions } from './engine/options.js';
import { claimsOf } from './engine/units.js';
import type { ProjectFs } from './kernel/project-fs.js';
import { SOURCE_KINDS } from './sources/index.js';
import type { SourceKind } from './sources/source-kind.js';

/** What a run is made of: the kinds of source it reads and the rules it applies. */
export interface Setup {
  readonly kinds: readonly SourceKind[];
  readonly rules: readonly Rule[];
}

export const DEFAULT_SETUP: Setup = { kinds: SOURCE_KINDS, rules };

export { SOURCE_KINDS };

export const RULE_IDS: readonly string[] = rules.map((r) => r.id);

export function createLinter(fs: ProjectFs, options: LintOptions, setup: Setup = DEFAULT_SETUP, withInventory = true): Linter {
  return new Linter(fs, options, setup.kinds, setup.rules, withInventory);
}

/** Whether some kind of the setup claims a file: what discovery walks for. */
export function isLintable(setup: Setup = DEFAULT_SETUP): (file: string) => boolean {
  const claims = claimsOf(setup.kinds);
  return (file) => claims(file).length > 0;
}
