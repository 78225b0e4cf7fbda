import type { JsonNode } from '../../../syntax/json/parse.js';
import { prop } from './json-val.js';

/** ARM deployment templates at any scope (resource group, subscription, management group, tenant). */
const TEMPLATE_SCHEMA = /deploymenttemplate\.json/i;
const PARAMETERS_SCHEMA = /deploymentparameters\.json/i;

export type ArmFileKind = 'template' | 'parameters' | 'other';

/** What a `$schema` says a file is, when it names a template or parameter file schema. */
export function armKindOfSchema(schema: string): ArmFileKind | undefined {
  if (TEMPLATE_SCHEMA.test(schema)) return 'template';
  if (PARAMETERS_SCHEMA.test(schema)) return 'parameters';
  return undefined;
}

/** Recognises templates by `$schema`, or by shape when the schema is missing. */
export function classifyArmJson(root: JsonNode | undefined): ArmFileKind {
  if (!root || root.type !== 'object') return 'other';
  const schema = prop(root, '$schema');
  const bySchema = schema?.type === 'string' ? armKindOfSchema(schema.value as string) : undefined;
  if (bySchema) return bySchema;
  const resources = prop(root, 'resources');
  if (resources && (resources.type === 'array' || resources.type === 'object') && (prop(root, 'contentVersion') || prop(root, 'parameters') || prop(root, 'variables'))) {
    return 'template';
  }
  if (!resources && prop(root, 'parameters')?.type === 'object' && prop(root, 'contentVersion')) return 'parameters';
  return 'other';
}
