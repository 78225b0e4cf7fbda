import { describe, it } from 'node:test';
import { RuleTester } from 'eslint';
import plugin from '../../src/index.js';

// RuleTester registers its cases with whatever test framework it is given.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export type Language = 'azure-backup/arm' | 'azure-backup/hcl' | 'azure-backup/bicep';

export function ruleTester(language: Language, settings: Record<string, unknown> = {}): RuleTester {
  return new RuleTester({ plugins: { 'azure-backup': plugin }, language, settings } as ConstructorParameters<typeof RuleTester>[0]);
}

/** The plugin's ESLint rule, typed the way RuleTester wants it. */
export function eslintRule(id: string): Parameters<RuleTester['run']>[1] {
  const rule = plugin.rules[id];
  if (!rule) throw new Error(`no rule ${id}`);
  return rule as unknown as Parameters<RuleTester['run']>[1];
}

/** A file name under a directory that does not exist, so the engine finds no neighbours on disk. */
export const VIRTUAL_DIR = 'test-virtual';
