import path from 'node:path';
import type { Loc } from '../../kernel/location.js';
import { moveTo, obj, type Val } from '../../kernel/value.js';
import type * as B from '../../syntax/bicep/index.js';
import { ARM_LIMITS } from '../arm/template/context.js';
import { ROOT_TARGET } from '../arm/target.js';
import { isRegistryPath } from './declarations.js';
import { readBicep } from './deploy.js';
import { FileScope } from './file-scope.js';
import type { BicepRun } from './run.js';

/** A parameter value a `.bicepparam` file sets, itself or through the files it extends. */
export interface Assigned {
  readonly name: string;
  readonly value: Val;
}

/**
 * The values a `.bicepparam` file assigns, by lower-cased name: those of the file its `extends`
 * names (and so on up the chain), overridden by its own. Only assignments are inherited; the
 * base's variables stay in the base. `base.x` reads the inherited value of `x`.
 */
export function assignmentsOf(run: BicepRun, file: string, program: B.Program, chain: readonly string[] = [file]): Map<string, Assigned> {
  const inherited = extendedAssignments(run, file, program, chain);
  const decl = extendsDecl(program);
  const base = inherited && decl && baseObject(inherited, { file, start: decl.range[0], end: decl.range[1] });
  const scope = new FileScope(run, file, program, new Map(), ROOT_TARGET, 0, chain, base);
  const assigned = new Map(inherited);
  for (const s of program.body) {
    if (s.type !== 'ParameterAssignment') continue;
    const value = scope.value(s.name.name, scope.loc(s.value));
    if (value) assigned.set(s.name.name.toLowerCase(), { name: s.name.name, value });
  }
  return assigned;
}

function extendsDecl(program: B.Program): B.ExtendsDeclaration | undefined {
  return program.body.find((s): s is B.ExtendsDeclaration => s.type === 'ExtendsDeclaration');
}

/** The assignments of the base file `program` extends; undefined when it extends none or the base cannot be read (a diagnostic says why). */
function extendedAssignments(run: BicepRun, file: string, program: B.Program, chain: readonly string[]): Map<string, Assigned> | undefined {
  const decls = program.body.filter((s): s is B.ExtendsDeclaration => s.type === 'ExtendsDeclaration');
  const loc = (node: { readonly range: B.Range }): Loc => ({ file, start: node.range[0], end: node.range[1] });
  for (const extra of decls.slice(1)) run.diagnostics.add({ severity: 'error', summary: 'A parameters file can extend only one base file; this extends is ignored', subject: loc(extra) });
  const decl = decls[0];
  // A path recovery skipped was reported by the parser.
  if (!decl || decl.path.type !== 'String') return undefined;
  const at = loc(decl.path);
  const problem = (what: string): undefined => {
    run.diagnostics.add({ severity: 'error', summary: what, subject: at });
    return undefined;
  };
  if (decl.path.expressions.length > 0) return problem('The base parameters file must be named by a literal path; its values are not read');
  const written = decl.path.segments[0] ?? '';
  if (isRegistryPath(written)) return problem(`Base parameters file '${written}' is not a local file; its values are not read`);
  const base = path.resolve(path.dirname(file), written);
  if (!/\.bicepparam$/i.test(base)) return problem(`Base parameters file '${written}' is not a .bicepparam file; its values are not read`);
  if (!run.fs.contains(base)) return problem(`Base parameters file '${written}' is outside the linted root; it is not read`);
  if (chain.includes(base)) return problem(`Base parameters file '${written}' extends this file again (cycle); it is not read again`);
  if (chain.length > ARM_LIMITS.nestedDepth) return problem(`Base parameters file '${written}' is more than ${ARM_LIMITS.nestedDepth} levels deep; it is not read`);
  const parsed = readBicep(run, base);
  if (!parsed) {
    const read = run.fs.read(base);
    return problem(`Base parameters file '${written}' cannot be read${read.ok ? '' : `: ${read.reason}`}`);
  }
  return assignmentsOf(run, base, parsed.ast, [...chain, base]);
}

/** `base`: the inherited values, each naming the file that set it. */
function baseObject(inherited: ReadonlyMap<string, Assigned>, at: Loc): Val {
  return obj(
    [...inherited.values()].map(({ name, value }) => ({ key: name, value: moveTo(value, value.loc, { kind: 'parameter-file', name }) })),
    at,
  );
}
