import type { JsonNode } from '../../../syntax/json/parse.js';
import { prop } from './json-val.js';

/** ARM deployment templates at any scope (resource group, subscription, management group, tenant). */
const TEMPLATE_SCHEMA = /deploymenttemplate\.json/i;
const PARAMETERS_SCHEMA = /deploymentparameters\.json/i;

export type ArmFileKind = 'template' | 'parameters' | 'other';

/** Recognises templates by `$schema`, or by shape when the schema is missing. */
export function classifyArmJson(root: JsonNode | undefined): ArmFileKind {
  if (!root || root.type !== 'object') return 'other';
  const schema = prop(root, '$schema');
  const schemaText = schema?.type === 'string' ? (schema.value as string) : '';
  if (TEMPLATE_SCHEMA.test(schemaText)) return 'template';
  if (PARAMETERS_SCHEMA.test(schemaText)) return 'parameters';
  const resources = prop(root, 'resources');
  if (resources && (resources.type === 'array' || resources.type === 'object') && (prop(root, 'contentVersion') || prop(root, 'parameters') || prop(root, 'variables'))) {
    return 'template';
  }
  if (!resources && prop(root, 'parameters')?.type === 'object' && prop(root, 'contentVersion')) return 'parameters';
  return 'other';
}
