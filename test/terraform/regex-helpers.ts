import assert from 'node:assert/strict';
import type { Val } from '../../src/kernel/value.js';
import { model, plain } from './helpers.js';

/** A quoted HCL string holding exactly `s` (interpolation and directives escaped). */
export function hcl(s: string): string {
  return JSON.stringify(s).replace(/([$%])\{/g, (_m, c: string) => `${c}${c}{`);
}

/** `name(pattern, input)` or any other call, with its arguments as HCL strings. */
export function call(name: string, ...args: string[]): string {
  return `${name}(${args.map(hcl).join(', ')})`;
}

/** The value of `expr` as the name of a Terraform resource. */
export function valueOf(expr: string): Val {
  const m = model({ 'main.tf': `resource "azurerm_recovery_services_vault" "v" {\n  name = ${expr}\n}\n` });
  return m.vaults[0]!.name;
}

export function known(expr: string): unknown {
  const v = valueOf(expr);
  assert.notEqual(v.kind, 'unknown', `${expr.slice(0, 200)} is unknown: ${v.kind === 'unknown' ? v.reason : ''}`);
  return plain(v);
}

export function unknownReason(expr: string): string {
  const v = valueOf(expr);
  assert.equal(v.kind, 'unknown', `${expr.slice(0, 200)} should be unknown, got ${JSON.stringify(v.kind === 'unknown' ? '' : plain(v))?.slice(0, 200)}`);
  return v.kind === 'unknown' ? v.reason : '';
}
