#!/usr/bin/env node
// Conformance of the native Bicep parser (src/syntax/bicep) against ../shared, when it exists:
//   (a) every .bicep/.bicepparam file of ../shared/bicep-oracle/pairs parses without error;
//   (b) Bicep's own token and syntax-tree dumps in ../shared/bicep-baselines match ours
//       (tokens as (type, start, end); trees as the multiset of (node class, start, end), tokens
//       left out, since our tree is Bicep's concrete tree without tokens), and no file crashes;
//       for the Invalid* files, our diagnostics against the parser codes of Bicep's;
//   (c) parse throughput over the oracle files, in this fresh process.
// Needs a build (`npx tsc -p tsconfig.json`). Not part of `npm test`. Usage:
//   node scripts/bicep-conformance.mjs [--shared ../shared] [-v]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const verbose = args.includes('-v');
const sharedAt = args.indexOf('--shared');
const shared = path.resolve(root, sharedAt >= 0 ? args[sharedAt + 1] : '../shared');
if (!existsSync(shared)) {
  console.log(`skipped: ${shared} does not exist`);
  process.exit(0);
}

const { parseBicep } = await import(path.join(root, 'dist/src/syntax/bicep/index.js'));
const { lexBicep, TOKEN_NAMES, tokenList } = await import(path.join(root, 'dist/src/syntax/bicep/lexer.js'));
const { walk } = await import(path.join(root, 'dist/src/syntax/bicep/parser.js'));

const stripBom = (t) => (t.charCodeAt(0) === 0xfeff ? t.slice(1) : t);
const isParams = (f) => f.endsWith('.bicepparam');

function* filesUnder(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* filesUnder(p);
    else if (/\.bicep(param)?$/.test(e.name)) yield p;
  }
}

function parseSafely(file, text) {
  try {
    return parseBicep(text, { params: isParams(file) });
  } catch (e) {
    return { crash: e };
  }
}

const report = {};
let failed = false;

// (a) and (c): the oracle's pairs.
const pairs = path.join(shared, 'bicep-oracle/pairs');
if (existsSync(pairs)) {
  const inputs = [...filesUnder(pairs)].map((f) => [f, readFileSync(f, 'utf8')]);
  const bytes = inputs.reduce((n, [f]) => n + readFileSync(f).length, 0);
  const withErrors = [];
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (const [f, text] of inputs) {
    const r = parseSafely(f, text);
    if (r.crash || r.diagnostics.length > 0) withErrors.push([f, r]);
  }
  const seconds = (performance.now() - t0) / 1000;
  // CPU time as well: on a shared machine the wall time mostly measures the other processes.
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  for (const [f, r] of withErrors.slice(0, 20)) {
    const d = r.crash ? `crash: ${r.crash.message}` : `${r.lines.position(r.diagnostics[0].subject.start).line}: ${r.diagnostics[0].code} ${r.diagnostics[0].summary}`;
    console.log(`  error  ${path.relative(shared, f)}:${d}`);
  }
  report.pairs = { files: inputs.length, withErrors: withErrors.length, megabytes: +(bytes / 1e6).toFixed(2), parseSeconds: +seconds.toFixed(3), parseCpuSeconds: +cpuSeconds.toFixed(3), mbPerSecond: +(bytes / 1e6 / seconds).toFixed(1) };
  if (withErrors.length > 0) failed = true;
}

// (b) Bicep's baselines.
/** The items of a dump as [start, end, text], offsets into the source without its BOM. */
function dumpItems(dumpText, newline) {
  const items = [];
  let nextLineStart = 0;
  let lineStart = 0;
  let first = true;
  for (const line of dumpText.split(newline)) {
    const m = /^\/\/@\[(\d+):(\d+)\) (.*)$/.exec(line);
    if (m) {
      items.push([lineStart + Number(m[1]), lineStart + Number(m[2]), m[3]]);
      continue;
    }
    lineStart = nextLineStart;
    nextLineStart += (first ? stripBom(line) : line).length + newline.length;
    first = false;
  }
  return items;
}

function compareTokens(source, dumpText, newline) {
  const expected = dumpItems(dumpText, newline).map(([s, e, t]) => `${/^(\w+) /.exec(t)?.[1]} ${s} ${e}`);
  const actual = tokenList(lexBicep(source)).map((t) => `${TOKEN_NAMES[t.type]} ${t.start} ${t.end}`);
  return firstDifference(expected, actual);
}

function compareTree(source, dumpText, newline, params) {
  const expected = dumpItems(dumpText, newline)
    .map(([s, e, t]) => [s, e, /(\w+Syntax)\b/.exec(t.replace(/^[│|├└─ ]+/, ''))?.[1]])
    .filter(([, , kind]) => kind && !/^Token\(/.test(kind))
    .map(([s, e, kind]) => `${kind} ${s} ${e}`)
    .sort();
  const r = parseBicep(source, { params });
  const actual = [];
  walk(r.ast, (n) => actual.push(`${n.type}Syntax ${n.range[0]} ${n.range[1]}`));
  actual.sort();
  return { ...multisetDifference(expected, actual), nodes: expected.length };
}

const PARSER_CODES = existsSync(path.join(shared, 'bicep-baselines/parser-diagnostic-codes.tsv'))
  ? new Set(readFileSync(path.join(shared, 'bicep-baselines/parser-diagnostic-codes.tsv'), 'utf8').split('\n').slice(1).map((l) => l.split('\t')[0]).filter(Boolean))
  : new Set();
// ParamsParser's UnrecognizedParamsFileDeclaration is missing from the list.
PARSER_CODES.add('BCP337');

/**
 * Bicep's parser diagnostics of an invalid file (its dump holds semantic ones too) against ours,
 * as `code start end`: how many of ours Bicep also reports exactly, and on the same line at least.
 */
function compareDiagnostics(source, dumpText, newline, params) {
  const expected = dumpItems(dumpText, newline)
    .map(([s, e, t]) => [s, e, /^\[(BCP\d+) /.exec(t)?.[1]])
    .filter(([, , code]) => code && PARSER_CODES.has(code));
  const r = parseBicep(source, { params });
  const line = (offset) => r.lines.position(offset).line;
  const exact = new Set(expected.map(([s, e, c]) => `${c} ${s} ${e}`));
  const lines = new Set(expected.map(([s, , c]) => `${c} ${line(s)}`));
  const ours = r.diagnostics.filter((d) => d.code !== 'nesting');
  return {
    bicep: expected.length,
    ours: ours.length,
    exact: ours.filter((d) => exact.has(`${d.code} ${d.subject.start} ${d.subject.end}`)).length,
    sameLine: ours.filter((d) => lines.has(`${d.code} ${line(d.subject.start)}`)).length,
  };
}

function firstDifference(expected, actual) {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) if (expected[i] !== actual[i]) return { same: false, at: i, expected: expected[i], actual: actual[i] };
  return { same: true };
}

function multisetDifference(expected, actual) {
  const count = new Map();
  for (const x of expected) count.set(x, (count.get(x) ?? 0) + 1);
  for (const x of actual) count.set(x, (count.get(x) ?? 0) - 1);
  const missing = [...count].filter(([, c]) => c > 0).map(([x]) => x);
  const extra = [...count].filter(([, c]) => c < 0).map(([x]) => x);
  return { same: missing.length === 0 && extra.length === 0, missing, extra };
}

const baselines = path.join(shared, 'bicep-baselines');
if (existsSync(baselines)) {
  const b = { bicep: 0, tokens: 0, trees: 0, nodes: 0, nodesMatched: 0, params: 0, paramsSame: 0, crashes: 0, userSubmitted: 0, userSubmittedWithErrors: 0 };
  const diagnostics = { files: 0, bicep: 0, ours: 0, exact: 0, sameLine: 0 };
  const cases = [];
  for (const name of readdirSync(path.join(baselines, 'baselines')).sort()) {
    const dir = path.join(baselines, 'baselines', name);
    if (existsSync(path.join(dir, 'main.tokens.bicep'))) cases.push({ name, dir, file: 'main.bicep', tokens: 'main.tokens.bicep', syntax: 'main.syntax.bicep', diagnostics: 'main.diagnostics.bicep', newline: name.endsWith('_CRLF') ? '\r\n' : '\n', params: false });
  }
  for (const name of readdirSync(path.join(baselines, 'baselines_bicepparam')).sort()) {
    const dir = path.join(baselines, 'baselines_bicepparam', name);
    cases.push({ name, dir, file: 'parameters.bicepparam', tokens: 'parameters.tokens.bicepparam', syntax: 'parameters.syntax.bicepparam', diagnostics: 'parameters.diagnostics.bicepparam', newline: '\n', params: true });
  }
  for (const c of cases) {
    const source = stripBom(readFileSync(path.join(c.dir, c.file), 'utf8'));
    let tokens;
    let tree;
    try {
      tokens = compareTokens(source, readFileSync(path.join(c.dir, c.tokens), 'utf8'), c.newline);
      tree = compareTree(source, readFileSync(path.join(c.dir, c.syntax), 'utf8'), c.newline, c.params);
      if (/^Invalid/.test(c.name) && existsSync(path.join(c.dir, c.diagnostics))) {
        const d = compareDiagnostics(source, readFileSync(path.join(c.dir, c.diagnostics), 'utf8'), c.newline, c.params);
        diagnostics.files++;
        for (const k of ['bicep', 'ours', 'exact', 'sameLine']) diagnostics[k] += d[k];
        if (d.exact !== d.ours || d.ours !== d.bicep) console.log(`  diags  ${c.name}: Bicep ${d.bicep}, ours ${d.ours}, ${d.exact} exact, ${d.sameLine} on the same line`);
      }
    } catch (e) {
      b.crashes++;
      console.log(`  crash  ${c.name}: ${e.stack}`);
      continue;
    }
    if (c.params) {
      b.params++;
      if (tokens.same && tree.same) b.paramsSame++;
    } else {
      b.bicep++;
      if (tokens.same) b.tokens++;
      if (tree.same) b.trees++;
      b.nodes += tree.nodes;
      b.nodesMatched += tree.nodes - tree.missing.length;
    }
    if (!tokens.same) console.log(`  tokens ${c.name}: #${tokens.at} expected ${tokens.expected}, got ${tokens.actual}`);
    if (!tree.same) console.log(`  tree   ${c.name}: ${tree.missing.length} missing, ${tree.extra.length} extra${verbose ? `\n    missing ${tree.missing.slice(0, 8).join('; ')}\n    extra   ${tree.extra.slice(0, 8).join('; ')}` : ''}`);
  }
  const user = path.join(baselines, 'user_submitted');
  if (existsSync(user)) {
    for (const f of filesUnder(user)) {
      b.userSubmitted++;
      const r = parseSafely(f, readFileSync(f, 'utf8'));
      if (r.crash) b.crashes++;
      if (r.crash || r.diagnostics.length > 0) {
        b.userSubmittedWithErrors++;
        console.log(`  error  ${path.relative(shared, f)}: ${r.crash ? r.crash.message : `${r.lines.position(r.diagnostics[0].subject.start).line}: ${r.diagnostics[0].summary}`}`);
      }
    }
  }
  report.baselines = b;
  report.invalidFileDiagnostics = diagnostics;
  if (b.crashes > 0) failed = true;
}

console.log(JSON.stringify(report, null, 2));
process.exit(failed ? 1 : 0);
