import type { Loc } from '../../kernel/location.js';
import type { ObjectVal } from '../../kernel/value.js';

/**
 * One resource instance after count/for_each expansion, from configuration or a plan.
 * Nested blocks are lists of objects under their type.
 */
export interface ResourceInstance {
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** Full instance address, e.g. `module.vm.azurerm_managed_disk.data[3]`. */
  readonly address: string;
  /** The declaration's address: the instance address without its key. */
  readonly declaration: string;
  /** The block's labels (configuration) or the address value (plan). */
  readonly at: Loc;
  readonly body: ObjectVal;
  /** Instance number within its declaration (count index or for_each position). */
  readonly index?: number | undefined;
  /** How the declaration's instances came about, e.g. `count = var.disk_count`. */
  readonly expansion?: string | undefined;
  /** Known cloud id (plans of existing resources), lower-cased. */
  readonly cloudId?: string | undefined;
  /** The provider configuration that manages it, when the configuration (not a plan) says. */
  readonly provider?: ProviderConfig | undefined;
}

/** One provider configuration: `provider "azurerm" { alias = "x" … }` of one module instance, or an implicit one. */
export interface ProviderConfig {
  /** Unique within a run, e.g. `provider.azurerm`, `module.hub.provider.azurerm.backup`. */
  readonly address: string;
  /** Its evaluated arguments; none for an implicit configuration. */
  readonly body?: ObjectVal | undefined;
}

/** A managed resource declared without an instance (count 0, in a module call that makes none). */
export interface UndeployedDecl {
  readonly type: string;
  /** The block's labels. */
  readonly at: Loc;
  /** Its `name` argument when known, else its declaration address. */
  readonly name: string;
}

/** Module prefix (`module.vm.`) of an instance address. */
export function modulePrefix(address: string): string {
  const m = /^((?:module\.[^.[]+(?:\[[^\]]*\])?\.)*)/.exec(address);
  return m?.[1] ?? '';
}

/** The declaration an instance belongs to: its address without the instance key. */
export function declarationOf(address: string): string {
  return address.replace(/\[[^\]]*\]$/, '');
}
