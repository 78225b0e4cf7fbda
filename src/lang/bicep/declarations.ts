import type * as B from '../../syntax/bicep/index.js';

/**
 * The three forms a resource or module body takes: `{…}`, `if (c) {…}`, `[for … in …: {…} | if (c) {…}]`.
 * Every field is always present (undefined when absent): one shape, made for every declaration on every re-lint.
 */
export interface BodyParts {
  readonly loop: B.ForExpression | undefined;
  /** `if (c)`, on the declaration or inside its loop. */
  readonly condition: B.ParenthesizedExpression | B.SkippedTrivia | undefined;
  /** Undefined when recovery left no object. */
  readonly body: B.ObjectExpression | undefined;
}

export function bodyParts(value: B.DeclarationBody): BodyParts {
  const loop = value.type === 'For' ? value : undefined;
  const inner = loop ? loop.body : value;
  if (inner.type === 'Object') return { loop, condition: undefined, body: inner };
  if (inner.type === 'IfCondition') return { loop, condition: inner.condition, body: inner.body.type === 'Object' ? inner.body : undefined };
  return { loop, condition: undefined, body: undefined };
}

/** The value node of a body property written `key: value` (keys compare as written, as Bicep's do). */
export function propertyNode(body: B.ObjectExpression | undefined, key: string): B.Expression | B.SkippedTrivia | undefined {
  if (!body) return undefined;
  // Indexed: outside optimized code a for…of makes an iterator result per step, and every resource and module asks for several keys.
  const children = body.children;
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    if (c.type === 'ObjectProperty' && c.key.type === 'Identifier' && c.key.name === key) return c.value;
  }
  return undefined;
}

/** A resource declaration with what its place in the file says about it. */
export interface ResourceInfo {
  readonly decl: B.ResourceDeclaration;
  /** The resource it is nested in (its body declares this one). */
  readonly parent: ResourceInfo | undefined;
  /** Full type (a nested one's includes its parent's), or undefined when it is not written. */
  readonly type: string | undefined;
  readonly apiVersion: string | undefined;
  readonly parts: BodyParts;
  /** Resources declared in its body. */
  readonly children: ResourceInfo[];
}

export interface ModuleInfo {
  readonly decl: B.ModuleDeclaration;
  readonly path: string | undefined;
  readonly parts: BodyParts;
}

function typeParts(node: B.ResourceDeclaration['resourceType']): [string | undefined, string | undefined] {
  if (node.type !== 'String' || node.expressions.length) return [undefined, undefined];
  const text = node.segments[0] ?? '';
  const at = text.indexOf('@');
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** Every resource of a file, nested ones under their parents. */
export function resourceInfo(decl: B.ResourceDeclaration, parent?: ResourceInfo): ResourceInfo {
  const [written, apiVersion] = typeParts(decl.resourceType);
  // A nested resource names its type relative to its parent's, or in full.
  const type = parent && written && !written.includes('/') ? (parent.type ? `${parent.type}/${written}` : undefined) : written;
  const parts = bodyParts(decl.value);
  const info: ResourceInfo = { decl, parent, type, apiVersion, parts, children: [] };
  const children = parts.body?.children ?? [];
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    if (c.type === 'ResourceDeclaration') info.children.push(resourceInfo(c, info));
  }
  return info;
}

export function moduleInfo(decl: B.ModuleDeclaration): ModuleInfo {
  const p = decl.path;
  const path = p.type === 'String' && p.expressions.length === 0 ? p.segments[0] : undefined;
  return { decl, path, parts: bodyParts(decl.value) };
}

/** Bicep's registry and template-spec references: `br:`, `br/alias:`, `ts:`, `ts/alias:`. */
export function isRegistryPath(path: string): boolean {
  return /^(br|ts)(\/[^:]*)?:/i.test(path);
}
