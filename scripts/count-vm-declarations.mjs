#!/usr/bin/env node
// Counts the VM and scale-set declarations of the shared corpus (../shared/corpus, or the
// directory given) by parsing its JSON, independently of the linter's evaluator, and compares
// them file by file with what `azure-backup-lint inventory` lists. A declaration is a resource
// object of type Microsoft.Compute/virtualMachines or virtualMachineScaleSets anywhere in a
// template: top level, child `resources`, inline nested templates (`properties.template`) at any
// depth, in either `resources` form (array, or languageVersion 2.0's object); `existing: true`
// references are not declarations. Conditions, copy loops and callers play no part here.
// Exit 1 when a file's counts differ. Run after a build; needs ../shared.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../dist/src/api/lint.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(process.argv[2] ?? path.join(repo, '..', 'shared', 'corpus'));
if (!existsSync(corpus)) {
  console.log(`count-vm-declarations: no corpus at ${corpus}; skipped`);
  process.exit(0);
}

const VM_TYPES = new Set(['microsoft.compute/virtualmachines', 'microsoft.compute/virtualmachinescalesets']);
const DEPLOYMENTS = 'microsoft.resources/deployments';

/**
 * ARM's JSON allows comments, trailing commas and raw control characters in strings: blank out
 * the comments and escape the characters, so JSON.parse reads the rest.
 */
function withoutComments(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1).replace(/[\u0000-\u001f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
      out += ' ';
    } else out += c;
  }
  // Trailing commas, which ARM also accepts.
  return out.replace(/,(\s*[}\]])/g, '$1');
}

function resourceList(resources) {
  if (Array.isArray(resources)) return resources;
  if (resources && typeof resources === 'object') return Object.values(resources);
  return [];
}

/** Declarations in one `resources` collection and everything nested below it. */
function countIn(resources, found) {
  for (const r of resourceList(resources)) {
    if (!r || typeof r !== 'object' || r.existing === true) continue;
    const type = typeof r.type === 'string' ? r.type.toLowerCase() : '';
    if (VM_TYPES.has(type)) found.count++;
    else if (type.startsWith('[')) found.expressionTypes++;
    countIn(r.resources, found);
    if (type === DEPLOYMENTS && r.properties?.template && typeof r.properties.template === 'object') countIn(r.properties.template.resources, found);
  }
}

function isTemplate(root) {
  if (!root || typeof root !== 'object' || Array.isArray(root)) return false;
  if (typeof root.$schema === 'string' && /deploymenttemplate\.json/i.test(root.$schema)) return true;
  return root.resources !== undefined && (root.contentVersion !== undefined || root.parameters !== undefined || root.variables !== undefined);
}

function* jsonFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* jsonFiles(full);
    else if (/\.jsonc?$/i.test(entry.name)) yield full;
  }
}

const expected = new Map();
let unparsable = 0;
let expressionTypes = 0;
for (const file of jsonFiles(corpus)) {
  let root;
  try {
    root = JSON.parse(withoutComments(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')));
  } catch {
    unparsable++;
    continue;
  }
  if (!isTemplate(root)) continue;
  const found = { count: 0, expressionTypes: 0 };
  countIn(root.resources, found);
  expressionTypes += found.expressionTypes;
  if (found.count) expected.set(path.relative(corpus, file), found.count);
}

const report = await lint(['.'], { cwd: corpus, preset: 'all' });
const listed = new Map();
const instances = new Map();
for (const e of report.inventory) {
  const file = path.relative(corpus, e.filePath);
  listed.set(file, (listed.get(file) ?? 0) + 1);
  if (e.instances === 0) instances.set(file, (instances.get(file) ?? 0) + 1);
}

const files = [...new Set([...expected.keys(), ...listed.keys()])].sort();
const differing = files.filter((f) => (expected.get(f) ?? 0) !== (listed.get(f) ?? 0));
const sum = (m) => [...m.values()].reduce((a, b) => a + b, 0);
console.log(`VM and scale-set declarations in ${corpus}`);
console.log(`  counted by parsing the JSON   ${sum(expected)} in ${expected.size} files`);
console.log(`  listed by the inventory       ${sum(listed)} in ${listed.size} files (${sum(instances)} with 0 instances)`);
console.log(`  files that differ             ${differing.length}`);
if (unparsable) console.log(`  JSON files not parsed here    ${unparsable}`);
if (expressionTypes) console.log(`  resources typed by expression ${expressionTypes} (not counted)`);
for (const f of differing) console.log(`  ${f}: counted ${expected.get(f) ?? 0}, listed ${listed.get(f) ?? 0}`);
process.exit(differing.length ? 1 : 0);
