import path from 'node:path';
import type { Loc } from '../../kernel/location.js';
import { errorVal, mergeOrigins } from '../../kernel/value-ops.js';
import { arr, moveTo, obj, str, unknown, type Val } from '../../kernel/value.js';
import type { JsonNode } from '../../syntax/json/parse.js';
import { jsonToVal } from '../json-values.js';
import type { Arg } from '../arm/functions/types.js';
import type { Env } from './expr.js';

/**
 * Bicep's own caps on what its load functions read (bicep-functions-files): characters for text,
 * JSON and YAML, bytes for base64; a bigger file does not compile.
 */
export const LOAD_LIMITS = { text: 131_072, json: 1_048_576, yaml: 1_048_576, base64Bytes: 96 * 1024 } as const;

type Load = (args: readonly Val[], env: Env, site: Loc) => Val;

const LOADS: Readonly<Record<string, Load>> = {
  loadtextcontent: (args, env, site) => withText(args[0]!, 'text', env, site, (text) => (decodedAs(args[1], text) ? str(text, site) : encodingUnknown(args[1]!, site))),
  loadjsoncontent: (args, env, site) => withText(args[0]!, 'json', env, site, (text, file) => (decodedAs(args[2], text) ? parsedJson(file, args[1], env, site) : encodingUnknown(args[2]!, site))),
  loadyamlcontent: (args, env, site) =>
    withText(args[0]!, 'yaml', env, site, (text, file) => {
      if (!decodedAs(args[2], text)) return encodingUnknown(args[2]!, site);
      // JSON is YAML: a file written as JSON is read; other YAML is not parsed here.
      return /^\s*[[{]/.test(text) ? parsedJson(file, args[1], env, site) : unknown(`${path.basename(file)} is YAML, which the linter does not parse`, site);
    }),
  loadfileasbase64: (args, env, site) =>
    withText(args[0]!, 'base64Bytes', env, site, (text) => str(Buffer.from(text, 'utf8').toString('base64'), site)),
  loaddirectoryfileinfo: directoryFileInfo,
};

/** A `load*()` call's value, or undefined when `lower` names no load function. */
export function loadFunction(lower: string, args: readonly Arg[], env: Env, site: Loc): Val | undefined {
  const load = LOADS[lower];
  if (!load) return undefined;
  const vals = args.filter((a): a is Val => a.kind !== 'lambda');
  if (vals.length === 0 || vals.length !== args.length) return errorVal(site, `${lower}() needs a file path`);
  const unknownArg = vals.find((v) => v.kind === 'unknown');
  // Bicep needs every argument at compile time; the template does not build otherwise.
  if (unknownArg) return unknown(`the file ${lower}() reads is not known`, site, { origins: mergeOrigins(vals) });
  return load(vals, env, site);
}

/** The path a load names, resolved against the Bicep file that calls it. */
function resolved(arg: Val, env: Env): string | undefined {
  return arg.kind === 'string' ? path.resolve(path.dirname(env.scope.file), arg.value) : undefined;
}

/** Reads the file `arg` names inside the project, within Bicep's cap, and hands its text to `use`. */
function withText(arg: Val, limit: keyof typeof LOAD_LIMITS, env: Env, site: Loc, use: (text: string, file: string) => Val): Val {
  const file = resolved(arg, env);
  if (!file) return errorVal(site, 'the file path must be a string');
  const run = env.scope.run;
  // Creating or editing the file changes this value: the evaluation depends on it either way.
  run.files.add(file);
  const shown = (arg as { value: string }).value;
  if (!run.fs.contains(file)) return errorVal(site, `'${shown}' is outside the linted root; it is not read`);
  const read = run.fs.read(file);
  if (!read.ok) {
    if (read.reason.startsWith('binary file')) return unknown(`'${shown}' is a binary file, which the linter does not encode`, site);
    return errorVal(site, `'${shown}' cannot be read: ${read.reason}`);
  }
  const size = limit === 'base64Bytes' ? Buffer.byteLength(read.text, 'utf8') : read.text.length;
  const cap = LOAD_LIMITS[limit];
  if (size > cap) return errorVal(site, `'${shown}' is ${size} ${limit === 'base64Bytes' ? 'bytes' : 'characters'}, over Bicep's limit of ${cap} for this function`);
  return use(read.text, file);
}

/**
 * Whether the text as read (UTF-8, or UTF-16 with a byte-order mark) is what the `encoding`
 * argument gives: always for UTF-8 and for ASCII text in the single-byte encodings.
 */
function decodedAs(encoding: Val | undefined, text: string): boolean {
  if (!encoding || (encoding.kind === 'string' && /^utf-8$/i.test(encoding.value))) return true;
  return /^[\x01-\x7f]*$/.test(text);
}

function encodingUnknown(encoding: Val, site: Loc): Val {
  return unknown(`the linter reads files as UTF-8, not as ${encoding.kind === 'string' ? encoding.value : 'this encoding'}`, site);
}

/** The loaded JSON, or the part its JSONPath selects, at the call; the values inside keep their place in the loaded file. */
function parsedJson(file: string, jsonPath: Val | undefined, env: Env, site: Loc): Val {
  const doc = env.scope.run.services.json(file);
  const shown = path.basename(file);
  if (!doc?.root || doc.errors.length) return errorVal(site, `${shown} is not valid JSON`);
  // Like a property read, the value is reported where the template reads it.
  if (!jsonPath) return moveTo(jsonToVal(file, doc.root), site);
  if (jsonPath.kind !== 'string') return errorVal(site, 'the JSONPath must be a string');
  const steps = jsonPathSteps(jsonPath.value);
  if (!steps) return unknown(`JSONPath '${jsonPath.value}' uses a form the linter does not evaluate`, site);
  let node: JsonNode | undefined = doc.root;
  for (const step of steps) node = node && childOf(node, step);
  return node ? moveTo(jsonToVal(file, node), site) : errorVal(site, `JSONPath '${jsonPath.value}' selects nothing in ${shown}`);
}

/**
 * The member names and indexes of a plain JSONPath (`$.a.b[0]['c d']`, the `$` optional);
 * undefined for wildcards, filters, slices, unions and recursive descent, which select many.
 */
export function jsonPathSteps(text: string): (string | number)[] | undefined {
  const steps: (string | number)[] = [];
  let rest = text.trim().replace(/^\$/, '');
  if (rest !== '' && !/^[.[]/.test(rest)) rest = `.${rest}`;
  while (rest !== '') {
    const m = /^\.([^.[\]*?'"()@$,:\s]+)/.exec(rest) ?? /^\[(\d+)\]/.exec(rest) ?? /^\['((?:[^'\\]|\\.)*)'\]/.exec(rest) ?? /^\["((?:[^"\\]|\\.)*)"\]/.exec(rest);
    if (!m) return undefined;
    steps.push(/^\[\d/.test(m[0]) ? Number(m[1]) : m[1]!.replace(/\\(.)/g, '$1'));
    rest = rest.slice(m[0].length);
  }
  return steps;
}

function childOf(node: JsonNode, step: string | number): JsonNode | undefined {
  if (typeof step === 'number') return node.type === 'array' ? node.children?.[step] : undefined;
  if (node.type !== 'object') return undefined;
  return node.children?.find((p) => p.children?.[0]?.value === step)?.children?.[1];
}

/**
 * `loadDirectoryFileInfo(dir, pattern)`: the files directly in `dir` whose names match the
 * `*`/`?` pattern, as Bicep describes them (path relative to the calling file, name, extension).
 */
function directoryFileInfo(args: readonly Val[], env: Env, site: Loc): Val {
  const dir = resolved(args[0]!, env);
  const pattern = args[1];
  if (!dir || (pattern && pattern.kind !== 'string')) return errorVal(site, 'the directory and search pattern must be strings');
  const run = env.scope.run;
  if (!run.fs.contains(dir)) return errorVal(site, `'${(args[0] as { value: string }).value}' is outside the linted root; it is not read`);
  const matches = pattern ? wildcard(pattern.value) : () => true;
  const from = path.dirname(env.scope.file);
  const items = run.fs
    .list(dir)
    .filter(matches)
    .map((name) =>
      obj(
        [
          { key: 'relativePath', value: str(path.relative(from, path.join(dir, name)).split(path.sep).join('/'), site) },
          { key: 'baseName', value: str(name, site) },
          { key: 'extension', value: str(path.extname(name), site) },
        ],
        site,
      ),
    );
  return arr(items, site);
}

function wildcard(pattern: string): (name: string) => boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return (name) => re.test(name);
}
