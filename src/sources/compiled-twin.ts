import path from 'node:path';
import { prop } from '../lang/arm/template/json-val.js';
import { JSON_PARSER, peekJsonFile } from './json-file.js';
import type { UnitRef, Workspace } from './source-kind.js';

// A compiled twin is the ARM JSON that `bicep build` wrote beside its `.bicep` source. Both say
// the same; by default only the `.bicep` is linted, so a finding is reported once, at the line
// its author edits (`compiledJson: "lint"` lints the JSON as well).

const BICEP_FILE = /\.bicep$/i;
/** Quickstart naming: `main.bicep` builds to `azuredeploy.json`, `prereq.main.bicep` to `prereq.azuredeploy.json`. */
const QUICKSTART_SOURCE = /(^|\.)main$/i;
const QUICKSTART_OUTPUT = /(^|\.)azuredeploy$/i;

/** The unit of a `.bicep` file, as the Bicep kind names it. */
export function bicepUnitOf(file: string): UnitRef {
  return { key: `bicep:${file}`, kind: 'bicep', entry: file };
}

/** Whether twins are left to their `.bicep` source (the default) rather than linted as ARM templates. */
export function skipsCompiledJson(ws: Workspace): boolean {
  return (ws.options.compiledJson ?? 'skip') === 'skip';
}

/** File names `bicep build` may have written for a `.bicep` name: `x.json`, and `azuredeploy.json` for `main.bicep`. */
export function twinNamesOf(bicepName: string): string[] {
  const stem = bicepName.replace(BICEP_FILE, '');
  const names = [`${stem}.json`];
  if (QUICKSTART_SOURCE.test(stem)) names.push(`${stem.replace(QUICKSTART_SOURCE, '$1azuredeploy')}.json`);
  return names;
}

/** `.bicep` names a JSON name may have been built from. */
function sourceNamesOf(jsonName: string): string[] {
  if (!/\.json$/i.test(jsonName)) return [];
  const stem = jsonName.slice(0, -'.json'.length);
  const names = [`${stem}.bicep`];
  if (QUICKSTART_OUTPUT.test(stem)) names.push(`${stem.replace(QUICKSTART_OUTPUT, '$1main')}.bicep`);
  return names;
}

const GENERATOR = ['metadata', '_generator', 'name'];

/**
 * Whether a JSON file says Bicep generated it (`metadata._generator.name`), remembered. Read
 * without the tree (Bicep writes `metadata` near the top) unless the text is not plain enough:
 * a `.bicep` run then never parses the twins beside its files.
 */
function isBicepOutput(file: string, ws: Workspace): boolean {
  return ws.fact('bicep-generated', file, () => {
    const peeked = peekJsonFile(file, GENERATOR, ws);
    const name = peeked !== undefined ? peeked : prop(prop(prop(ws.parsed(JSON_PARSER, file)?.root, 'metadata'), '_generator'), 'name');
    return name?.type === 'string' && String(name.value).toLowerCase() === 'bicep';
  });
}

/** Names in `dir` matching one of `wanted`, compared as Windows and macOS compare them. */
function present(dir: string, wanted: readonly string[], ws: Workspace): string[] {
  const lower = new Set(wanted.map((n) => n.toLowerCase()));
  return ws.fs
    .list(dir)
    .filter((name) => lower.has(name.toLowerCase()))
    .map((name) => path.join(dir, name));
}

/** The `.bicep` file a template was built from, when it is a compiled twin. */
export function compiledFrom(jsonFile: string, ws: Workspace): string | undefined {
  const sources = present(path.dirname(jsonFile), sourceNamesOf(path.basename(jsonFile)), ws);
  return sources.length && isBicepOutput(jsonFile, ws) ? sources[0] : undefined;
}
