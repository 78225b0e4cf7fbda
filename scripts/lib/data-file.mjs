// Shared by the scripts that derive src/azure/data/*.json: one layout for every data file, and one
// way to write it or, with --check, to report that it is stale without writing.
import { readFileSync, writeFileSync } from 'node:fs';

const WIDTH = 120;

/**
 * JSON laid out for review: a value that fits on one line stays on one line (a VM size, a time
 * zone), larger ones are expanded one entry per line, so a regenerated file diffs row by row.
 */
export function layout(value, indent = '') {
  const inline = oneLine(value);
  if (value === null || typeof value !== 'object' || indent.length + inline.length <= WIDTH) return inline;
  const inner = `${indent}  `;
  const entries = Array.isArray(value)
    ? value.map((v) => `${inner}${layout(v, inner)}`)
    : Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${layout(v, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return entries.length === 0 ? `${open}${close}` : `${open}\n${entries.join(',\n')}\n${indent}${close}`;
}

function oneLine(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(', ')}}`;
}

/** The newest date a source text names, as `YYYY-MM-DD`: ISO dates and docs' `ms.date MM/DD/YYYY`. */
export function newestDate(texts) {
  const dates = [];
  for (const text of texts) {
    for (const m of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) dates.push(`${m[1]}-${m[2]}-${m[3]}`);
    for (const m of text.matchAll(/\b(\d{2})\/(\d{2})\/(\d{4})\b/g)) dates.push(`${m[3]}-${m[1]}-${m[2]}`);
  }
  if (dates.length === 0) throw new Error('no date in the sources');
  return dates.sort().at(-1);
}

/**
 * Writes each `{ path: data }` file, or with `check` compares instead and returns the paths
 * whose content would change.
 */
export function writeOrCheck(files, check) {
  const stale = [];
  for (const [path, data] of Object.entries(files)) {
    const text = `${layout(data)}\n`;
    let current;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === text) continue;
    stale.push(path);
    if (!check) writeFileSync(path, text);
  }
  return stale;
}
