import { WorkBudget } from '../../kernel/work.js';
import path from 'node:path';
import { childPath, type ProjectFs } from '../../kernel/project-fs.js';
import type { Loc } from '../../kernel/location.js';
import { str, type Val } from '../../kernel/value.js';
import { parseTfJson } from '../../syntax/hcl/json.js';
import { parseHcl } from '../../syntax/hcl/parser.js';
import type { HclFile } from '../../syntax/hcl/ast.js';
import { collectModule, type ModuleConfig, type ParsedFile } from './config.js';
import type { DiagnosticSink } from '../../kernel/diagnostic.js';
import { ModuleInstance, type Session } from './instance.js';
import type { ResourceIds, ResourceInstance, UndeployedDecl } from './resource.js';
import { parseVarFile } from './tfvars.js';

export interface ModuleRun {
  readonly resources: readonly ResourceInstance[];
  /** Managed resources declared without an instance, for the inventory. */
  readonly undeployed: readonly UndeployedDecl[];
  /** Variable files applied, in order (the scenario's name). */
  readonly varFilesUsed: readonly string[];
  readonly filesRead: readonly string[];
  /** Remote module calls: what they deploy is not seen. */
  readonly opaque: readonly { readonly at: Loc; readonly what: string }[];
  /** False when the directory holds no Terraform configuration. */
  readonly found: boolean;
}

/** `*.tf` and `*.tf.json` files of a directory, parsed; syntax errors become fatal diagnostics. */
function loadConfig(dir: string, fs: ProjectFs, diagnostics: DiagnosticSink, texts: Map<string, string>, parse: ModuleOptions['parse']): ModuleConfig | undefined {
  const parsed: ParsedFile[] = [];
  for (const name of fs.list(dir)) {
    if (!name.endsWith('.tf') && !name.endsWith('.tf.json')) continue;
    const file = childPath(dir, name);
    const r = fs.read(file);
    if (!r.ok) {
      diagnostics.add({ severity: 'error', summary: `Cannot read ${name}: ${r.reason}`, subject: { file, start: 0, end: 0 }, fatal: true });
      continue;
    }
    texts.set(file, r.text);
    const ast = parse?.(file) ?? parseConfigFile(r.text, file);
    for (const e of ast.errors) diagnostics.add(e);
    parsed.push({ file, ast });
  }
  if (parsed.length === 0) return undefined;
  const config = collectModule(dir, parsed);
  for (const d of config.duplicates) diagnostics.add({ severity: 'error', summary: `Duplicate declaration of ${d.what}`, subject: { file: d.file, start: d.start, end: d.end } });
  return config;
}

/** A `.tf` or `.tf.json` file's syntax tree. */
export function parseConfigFile(text: string, file: string): HclFile {
  return file.endsWith('.json') ? parseTfJson(text, file) : parseHcl(text, file);
}

/** The files Terraform itself loads, in its precedence order (later wins). */
function automaticVarFiles(dir: string, fs: ProjectFs): string[] {
  const names = fs.list(dir);
  const auto = names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')).sort();
  return [...['terraform.tfvars', 'terraform.tfvars.json'].filter((n) => names.includes(n)), ...auto].map((n) => path.join(dir, n));
}

/** Where `terraform init` records the modules it installed, relative to the root module. */
const MODULE_MANIFEST = path.join('.terraform', 'modules', 'modules.json');

/**
 * The module directories `terraform init` recorded, by module key (`net`, `net.subnets`):
 * `{"Modules":[{"Key":"net","Source":"…","Dir":".terraform/modules/net"}]}`, `Dir` relative to
 * the root module. Entries outside the project root are left out: they are not read.
 */
function readModuleManifest(rootDir: string, fs: ProjectFs, filesRead: Set<string>): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  const file = path.join(rootDir, MODULE_MANIFEST);
  const r = fs.read(file);
  if (!r.ok) return out;
  filesRead.add(file);
  let manifest: unknown;
  try {
    manifest = JSON.parse(r.text);
  } catch {
    return out;
  }
  const modules = (manifest as { Modules?: unknown } | null)?.Modules;
  for (const m of Array.isArray(modules) ? (modules as unknown[]) : []) {
    const { Key: key, Dir: dir } = (m ?? {}) as { Key?: unknown; Dir?: unknown };
    if (typeof key !== 'string' || key === '' || typeof dir !== 'string') continue;
    const abs = path.resolve(rootDir, dir);
    if (fs.contains(abs)) out.set(key, abs);
  }
  return out;
}

export interface ModuleOptions {
  /** Applied after terraform.tfvars and *.auto.tfvars; relative ones resolve against the module directory. */
  readonly varFiles: readonly string[];
  /** `TF_VAR_*` values, when the environment is to be read. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** What providers know about ids; without it every id is the symbol of its instance's address. */
  readonly ids?: ResourceIds;
  /**
   * A configuration file's tree (`parseConfigFile` of its text) from a cache shared by the run:
   * a module called by many others is then parsed once. Default: parsed for this run only.
   */
  readonly parse?: (file: string) => HclFile | undefined;
}

/** No provider knowledge: every id is its address's symbol, which may hold any character. */
const ADDRESS_IDS: ResourceIds = { id: () => undefined, mayContain: () => true };

export function runModule(dir: string, fs: ProjectFs, diagnostics: DiagnosticSink, options: ModuleOptions): ModuleRun {
  const { varFiles, env } = options;
  const rootDir = path.resolve(dir);
  const texts = new Map<string, string>();
  const filesRead = new Set<string>();
  const rootConfig = loadConfig(rootDir, fs, diagnostics, texts, options.parse);
  if (!rootConfig) return { resources: [], undeployed: [], varFilesUsed: [], filesRead: [], opaque: [], found: false };

  const values = new Map<string, { value: Val; origin: 'tfvars' | 'var-file' }>();
  if (env) {
    for (const name of rootConfig.variables.keys()) {
      const v = env[`TF_VAR_${name}`];
      if (v !== undefined) values.set(name, { value: str(v), origin: 'tfvars' });
    }
  }
  const used: string[] = [];
  const explicit = varFiles.map((f) => path.resolve(rootDir, f));
  for (const file of [...automaticVarFiles(rootDir, fs), ...explicit]) {
    const isExplicit = explicit.includes(file);
    const r = fs.read(file);
    if (!r.ok) {
      diagnostics.add({ severity: 'error', summary: `Variable file ${path.relative(rootDir, file) || file}: ${r.reason}`, subject: { file, start: 0, end: 0 }, fatal: isExplicit });
      continue;
    }
    filesRead.add(file);
    used.push(file);
    for (const [name, a] of parseVarFile(file, r.text, diagnostics)) {
      if (!rootConfig.variables.has(name)) {
        diagnostics.add({ severity: 'warn', summary: `Value for undeclared variable "${name}"`, subject: a.nameLoc });
        continue;
      }
      values.set(name, { value: a.value, origin: isExplicit ? 'var-file' : 'tfvars' });
    }
  }

  const configs = new Map<string, ModuleConfig | undefined>([[rootDir, rootConfig]]);
  let installed: ReadonlyMap<string, string> | undefined;
  const session: Session = {
    fs,
    rootDir,
    diagnostics,
    ids: options.ids ?? ADDRESS_IDS,
    state: { work: new WorkBudget() },
    active: [],
    filesRead,
    opaque: new Map(),
    text: (file) => texts.get(file) ?? '',
    loadModule: (moduleDir: string, site: Loc) => {
      if (!configs.has(moduleDir)) configs.set(moduleDir, loadConfig(moduleDir, fs, diagnostics, texts, options.parse));
      const config = configs.get(moduleDir);
      if (!config) diagnostics.add({ severity: 'error', summary: `No Terraform files in module directory ${path.relative(rootDir, moduleDir) || '.'}`, subject: site });
      return config;
    },
    installedModule: (key) => (installed ??= readModuleManifest(rootDir, fs, filesRead)).get(key),
  };
  const root = new ModuleInstance(session, rootConfig, '', { kind: 'root', values }, []);
  const resources: ResourceInstance[] = [];
  const undeployed: UndeployedDecl[] = [];
  root.collect(resources, undeployed);
  for (const d of session.state.work.diagnostics({ file: rootConfig.files[0]!, start: 0, end: 0 })) diagnostics.add(d);
  return { resources, undeployed, varFilesUsed: used, filesRead: [...texts.keys(), ...filesRead], opaque: [...session.opaque.values()], found: true };
}
