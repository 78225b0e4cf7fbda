import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex } from '../kernel/location.js';
import { checkGlob } from './glob-syntax.js';
import { checkNesting, forbiddenKey } from './json-shape.js';
import type { RuleSetting } from '../engine/options.js';
import type { Severity } from '../../rules/api.js';
import { ConfigError, type Config } from './types.js';

/**
 * Parses and checks a config file's text. Comments and trailing commas are allowed (as in
 * tsconfig.json). Errors point at the offending key with its line and column.
 */

const SEVERITIES: readonly Severity[] = ['off', 'warn', 'error'];
const PLUGIN_PREFIX = 'azure-backup/';

type Path = (string | number)[];

class Checker {
  private readonly lines: LineIndex;

  constructor(
    private readonly file: string,
    text: string,
    private readonly root: Node,
  ) {
    this.lines = new LineIndex(text);
  }

  /** An error at a value (or, with `atKey`, at its property name), `delta` characters into it. */
  fail(path: Path, detail: string, atKey = false, delta = 0): ConfigError {
    const value = findNodeAtLocation(this.root, path);
    const node = atKey && value?.parent?.type === 'property' ? value.parent.children?.[0] : value;
    const pos = node ? this.lines.position(node.offset + delta) : undefined;
    return new ConfigError(this.file, path.length ? path.join('.') : undefined, detail, pos?.line, pos?.column);
  }

  /** A malformed glob's error at the offending character, when the string has no escapes to miscount. */
  badGlob(path: Path, glob: string, atKey: boolean): ConfigError | undefined {
    const problem = checkGlob(glob);
    if (problem) {
      const value = findNodeAtLocation(this.root, path);
      const node = atKey && value?.parent?.type === 'property' ? value.parent.children?.[0] : value;
      const verbatim = node !== undefined && node.length === glob.length + 2;
      return this.fail(path, `malformed glob: ${problem.message}`, atKey, verbatim ? problem.index + 1 : 0);
    }
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function oneOf<T extends string>(c: Checker, path: Path, v: unknown, allowed: readonly T[]): T {
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  throw c.fail(path, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, not ${JSON.stringify(v)}`);
}

function stringList(c: Checker, path: Path, v: unknown): string[] {
  if (!Array.isArray(v)) throw c.fail(path, 'must be an array of strings');
  v.forEach((s, i) => {
    if (typeof s !== 'string' || s === '') throw c.fail([...path, i], 'must be a non-empty string');
  });
  return v as string[];
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length]!;
}

/** ` (did you mean "x"?)` for the closest known name, or nothing when none is close. */
export function didYouMean(name: string, known: readonly string[]): string {
  // The distance costs length × length: a name this long is no typo of a short one anyway.
  if (name.length > 64) return '';
  const best = known.map((k) => ({ k, d: editDistance(name, k) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(2, Math.floor(name.length / 4)) ? ` (did you mean "${best.k}"?)` : '';
}

function ruleSetting(c: Checker, path: Path, v: unknown): RuleSetting {
  if (typeof v === 'string') return oneOf(c, path, v, SEVERITIES);
  if (Array.isArray(v) && (v.length === 1 || v.length === 2)) {
    const severity = oneOf(c, [...path, 0], v[0], SEVERITIES);
    if (v.length === 1) return [severity];
    if (!isRecord(v[1])) throw c.fail([...path, 1], 'rule options must be an object');
    return [severity, v[1]];
  }
  throw c.fail(path, 'must be "off", "warn", "error" or [severity, options]');
}

function rules(c: Checker, v: unknown, ruleIds: readonly string[]): Record<string, RuleSetting> {
  if (!isRecord(v)) throw c.fail(['rules'], 'must be an object of rule id → severity');
  const out: Record<string, RuleSetting> = {};
  for (const [name, setting] of Object.entries(v)) {
    const id = name.startsWith(PLUGIN_PREFIX) ? name.slice(PLUGIN_PREFIX.length) : name;
    if (!ruleIds.includes(id)) throw c.fail(['rules', name], `unknown rule id${didYouMean(id, ruleIds)}`, true);
    out[id] = ruleSetting(c, ['rules', name], setting);
  }
  return out;
}

function paramFiles(c: Checker, v: unknown): Record<string, string[]> {
  if (!isRecord(v)) throw c.fail(['paramFiles'], 'must be an object of template glob → parameter file(s)');
  const out: Record<string, string[]> = {};
  for (const [glob, files] of Object.entries(v)) {
    const bad = c.badGlob(['paramFiles', glob], glob, true);
    if (bad) throw bad;
    out[glob] = typeof files === 'string' && files !== '' ? [files] : stringList(c, ['paramFiles', glob], files);
  }
  return out;
}

const KEYS = ['$schema', 'rules', 'matrix', 'unknownValues', 'preset', 'paramFiles', 'varFiles', 'compiledJson', 'ignore', 'maxWarnings'] as const;

export function parseConfig(file: string, text: string, ruleIds: readonly string[]): Config {
  // The parser recurses per level: a deeply nested file would overflow the stack before any check ran.
  const tooDeep = checkNesting(text);
  if (tooDeep) {
    const pos = new LineIndex(text).position(tooDeep.offset);
    throw new ConfigError(file, undefined, tooDeep.message, pos.line, pos.column);
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || root === undefined) {
    const e = errors[0];
    const pos = new LineIndex(text).position(e?.offset ?? 0);
    throw new ConfigError(file, undefined, `invalid JSON: ${e ? printParseErrorCode(e.error) : 'empty file'}`, pos.line, pos.column);
  }
  const c = new Checker(file, text, root);
  const forbidden = forbiddenKey(root);
  if (forbidden) throw c.fail(forbidden.path, `the key "${forbidden.key}" is not allowed: it would change how the linter's own objects behave`, true);
  // parse() (unlike the tree's values) builds ordinary objects, which rule options are handed on as.
  const data: unknown = parse(text, [], { allowTrailingComma: true });
  if (!isRecord(data)) throw c.fail([], 'the config must be a JSON object');

  const config: { -readonly [K in keyof Config]: Config[K] } = {};
  for (const [key, v] of Object.entries(data)) {
    switch (key as (typeof KEYS)[number]) {
      case '$schema':
        break;
      case 'rules':
        config.rules = rules(c, v, ruleIds);
        break;
      case 'matrix':
        config.matrix = oneOf(c, [key], v, ['2021', '2025'] as const);
        break;
      case 'unknownValues':
        config.unknownValues = oneOf(c, [key], v, ['ignore', 'report'] as const);
        break;
      case 'preset':
        config.preset = oneOf(c, [key], v, ['recommended', 'all'] as const);
        break;
      case 'paramFiles':
        config.paramFiles = paramFiles(c, v);
        break;
      case 'varFiles':
        config.varFiles = stringList(c, [key], v);
        break;
      case 'compiledJson':
        config.compiledJson = oneOf(c, [key], v, ['skip', 'lint'] as const);
        break;
      case 'ignore':
        config.ignore = stringList(c, [key], v);
        config.ignore.forEach((glob, i) => {
          const bad = c.badGlob([key, i], glob, false);
          if (bad) throw bad;
        });
        break;
      case 'maxWarnings':
        if (!Number.isInteger(v) || (v as number) < 0) throw c.fail([key], `must be a non-negative integer, not ${JSON.stringify(v)}`);
        config.maxWarnings = v as number;
        break;
      default:
        throw c.fail([key], `unknown key${didYouMean(key, KEYS)}; allowed keys: ${KEYS.slice(1).join(', ')}`, true);
    }
  }
  return config;
}
