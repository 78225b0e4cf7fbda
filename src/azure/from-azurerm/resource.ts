import type { Loc } from '../../kernel/location.js';
import type { ObjectVal } from '../../kernel/value.js';

/**
 * One Terraform resource instance as the azurerm mapper reads it: what a module's evaluation
 * or a plan produces. Nested blocks are lists of objects under their type.
 */
export interface TfResource {
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
  /** Its provider configuration (`address` unique in the run), when the configuration says. */
  readonly provider?: { readonly address: string; readonly body?: ObjectVal | undefined } | undefined;
}
