import type { SettingsConfig } from '@eslint/core';
import type { PluginSettings } from './session.js';

const KEYS = new Set(['matrix', 'unknownValues', 'compiledJson', 'paramFiles', 'varFiles']);

function fail(what: string): never {
  throw new Error(`eslint-plugin-azure-backup: settings['azure-backup'].${what}`);
}

function stringList(value: unknown, key: string): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) fail(`${key} must be an array of file paths`);
  return value as string[];
}

/** Reads and checks `settings['azure-backup']`; a wrong setting is a config error, not a silent default. */
export function readSettings(settings: SettingsConfig | undefined): PluginSettings {
  const raw = settings?.['azure-backup'];
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('must be an object');
  const s = raw as Record<string, unknown>;
  for (const key of Object.keys(s)) if (!KEYS.has(key)) fail(`${key} is not a setting (known: ${[...KEYS].join(', ')})`);
  if (s.matrix !== undefined && s.matrix !== '2021' && s.matrix !== '2025') fail(`matrix must be "2021" or "2025", not ${JSON.stringify(s.matrix)}`);
  if (s.unknownValues !== undefined && s.unknownValues !== 'ignore' && s.unknownValues !== 'report') {
    fail(`unknownValues must be "ignore" or "report", not ${JSON.stringify(s.unknownValues)}`);
  }
  if (s.compiledJson !== undefined && s.compiledJson !== 'skip' && s.compiledJson !== 'lint') {
    fail(`compiledJson must be "skip" or "lint", not ${JSON.stringify(s.compiledJson)}`);
  }
  const paramFiles = stringList(s.paramFiles, 'paramFiles');
  const varFiles = stringList(s.varFiles, 'varFiles');
  return {
    ...(s.matrix ? { matrix: s.matrix as PluginSettings['matrix'] & string } : {}),
    ...(s.unknownValues ? { unknownValues: s.unknownValues as 'ignore' | 'report' } : {}),
    ...(s.compiledJson ? { compiledJson: s.compiledJson as 'skip' | 'lint' } : {}),
    ...(paramFiles ? { paramFiles } : {}),
    ...(varFiles ? { varFiles } : {}),
  };
}
