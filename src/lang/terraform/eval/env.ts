import type { WorkBudget } from '../../../kernel/work.js';
import type { Loc } from '../../../kernel/location.js';
import type { Val } from '../../../kernel/value.js';

/** What an expression can refer to in one module instance. */
export interface Scope {
  variable(name: string, site: Loc): Val;
  local(name: string, site: Loc): Val;
  /** The whole `module.<name>` value (an object of outputs, or a list/map of them). */
  moduleCall(name: string, site: Loc): Val;
  /** `module.<name>.<output>` for a call without count/for_each; undefined when the call has them. */
  moduleOutput(name: string, output: string, site: Loc): Val | undefined;
  /** `type.name` or `data.type.name`; undefined when no such block is declared. */
  resource(mode: 'managed' | 'data', type: string, name: string, site: Loc): Val | undefined;
  /**
   * `type.name[key]` without building every instance (attachments indexing a counted disk
   * resource would otherwise cost n² work); undefined when the generic path should handle it.
   */
  resourceInstance(mode: 'managed' | 'data', type: string, name: string, key: Val, site: Loc): Val | undefined;
  /**
   * `type.name.attr` of a managed resource without count or for_each, read at `loc` through the
   * reference `type.name` at `site`: what reading it from the whole instance gives, without moving
   * the whole instance first. Undefined for any other declaration (or none).
   */
  resourceAttribute(type: string, name: string, attr: string, site: Loc, loc: Loc): Val | undefined;
  /** `path.module`, `path.root`, `path.cwd`. */
  path(name: string, site: Loc): Val;
  readonly files: FileAccess;
  /** Whether the value a symbol in a partially known string stands for may hold a character of `text`. */
  mayContain(symbol: string, text: string): boolean;
}

/** The files `file()`, `templatefile()` and `fileexists()` may read: any in the project. */
export interface FileAccess {
  /** Absolute path of the root module directory; relative paths resolve against it. */
  readonly rootDir: string;
  /** A read refused for leading out of the project is also reported at `site`, the call. */
  read(relativeOrAbsolute: string, site: Loc): { ok: true; text: string; file: string } | { ok: false; reason: string };
}

/** Shared across one evaluation: guards against runaway recursion and work. */
export interface EvalState {
  /** The unit's work and nesting (all module instances): past either bound, values are unknown. */
  readonly work: WorkBudget;
}

export interface Env {
  /** File of the expressions being evaluated (expressions carry offsets only). */
  readonly file: string;
  readonly scope: Scope;
  /** `each`, `count`, for-expression and dynamic-block iterator variables. */
  readonly bindings: ReadonlyMap<string, Val>;
  readonly state: EvalState;
}

/** The bindings of an expression outside count, for_each and for: read-only, so one serves every env. */
export const NO_BINDINGS: ReadonlyMap<string, Val> = new Map();

export function withBindings(env: Env, extra: Iterable<[string, Val]>): Env {
  const bindings = new Map(env.bindings);
  for (const [k, v] of extra) bindings.set(k, v);
  return { ...env, bindings };
}

/** Binding name for the element inside a splat's traversal (not a valid identifier, so no clash). */
export const SPLAT_ITEM = '\u0000splat';
