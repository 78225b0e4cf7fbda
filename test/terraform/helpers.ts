import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProjectFs } from '../../src/kernel/project-fs.js';
import type { Evaluation } from '../../src/sources/source-kind.js';
import { LineIndex, type Loc } from '../../src/kernel/location.js';
import type { Model } from '../../src/azure/model.js';
import { toPlain, type Plain, type Val } from '../../src/kernel/value.js';
import { evaluateTerraformModule, type TerraformOptions } from '../../src/sources/terraform-dir.js';

export const ROOT = path.resolve('/virtual/project');

/** dist/test/terraform → test/fixtures/terraform in the source tree. */
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/terraform');

/** The files of a fixture module, keyed by path relative to it, for an in-memory evaluation. */
export function fixture(name: string): Record<string, string> {
  const dir = path.join(FIXTURES, name);
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file).split(path.sep).join('/')] = readFileSync(file, 'utf8');
  }
  return out;
}

export function files(map: Record<string, string>): ProjectFs {
  return ProjectFs.virtual(ROOT, map);
}

export function evaluate(map: Record<string, string>, options: TerraformOptions = {}): Evaluation {
  return evaluateTerraformModule(ROOT, files(map), options);
}

export function model(map: Record<string, string>, options: TerraformOptions = {}): Model {
  const ev = evaluate(map, options);
  const m = ev.models[0];
  if (!m) throw new Error(`no model; diagnostics: ${JSON.stringify(ev.diagnostics)}`);
  return m;
}

/** `relative/file.tf:line:column` of a location, for exact assertions. */
export function at(map: Record<string, string>, loc: Loc | undefined): string {
  if (!loc) return 'nowhere';
  const rel = path.relative(ROOT, loc.file);
  const text = map[rel];
  if (text === undefined) return `${rel}:?`;
  const p = new LineIndex(text).position(loc.start);
  return `${rel}:${p.line}:${p.column}`;
}

/** The value and where it is, e.g. `"UltraSSD_LRS" @ main.tf:12:26`. */
export function show(map: Record<string, string>, v: Val | undefined): string {
  if (!v) return 'undefined';
  const value = v.kind === 'unknown' ? `unknown(${v.reason})` : JSON.stringify(toPlain(v));
  return `${value} @ ${at(map, v.loc)}`;
}

/** The origin chain: `tfvars x @ terraform.tfvars:1:7 < …`. */
export function origins(map: Record<string, string>, v: Val | undefined): string[] {
  return (v?.origins ?? []).map((o) => `${o.kind} ${o.name} @ ${at(map, o.loc)}`);
}

export function plain(v: Val | undefined): Plain | undefined {
  return v ? toPlain(v) : undefined;
}
