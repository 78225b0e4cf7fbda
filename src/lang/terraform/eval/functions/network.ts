import { unknown, type Val } from '../../../../kernel/value.js';
import { asNumberLike, asStringLike, derived, fail } from '../support.js';
import { def, type CallContext, type FunctionTable } from './types.js';

interface Cidr {
  readonly base: number;
  readonly bits: number;
}

/** IPv4 CIDR; undefined for IPv6 (the caller makes the result unknown). */
function parseCidr(s: string): Cidr | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(s);
  if (!m) {
    if (s.includes(':')) return undefined;
    return fail(`invalid CIDR "${s}"`);
  }
  const octets = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32) fail(`invalid CIDR "${s}"`);
  const ip = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** (32 - bits);
  return { base: ip - (ip % size), bits };
}

function ipText(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

function subnet(c: Cidr, newbits: number, netnum: number): Cidr {
  const bits = c.bits + newbits;
  if (newbits < 0 || bits > 32) fail('cidrsubnet: not enough address space');
  if (netnum < 0 || netnum >= 2 ** newbits) fail('cidrsubnet: network number out of range');
  return { base: c.base + netnum * 2 ** (32 - bits), bits };
}

function ipv6(ctx: CallContext): Val {
  return unknown('IPv6 CIDR functions are not evaluated', ctx.loc);
}

export const NETWORK_FUNCTIONS: FunctionTable = {
  cidrsubnet: def(3, 3, ([p, nb, nn], ctx) => {
    const c = parseCidr(asStringLike(p!));
    if (!c) return ipv6(ctx);
    const s = subnet(c, asNumberLike(nb!), asNumberLike(nn!));
    return derived(`${ipText(s.base)}/${s.bits}`, ctx.loc, [p!]);
  }),
  cidrsubnets: def(1, Infinity, ([p, ...nbs], ctx) => {
    const c = parseCidr(asStringLike(p!));
    if (!c) return ipv6(ctx);
    let next = c.base;
    const out: string[] = [];
    for (const nb of nbs) {
      const bits = c.bits + asNumberLike(nb);
      if (bits > 32) fail('cidrsubnets: not enough address space');
      const size = 2 ** (32 - bits);
      next = Math.ceil(next / size) * size;
      if (next + size > c.base + 2 ** (32 - c.bits)) fail('cidrsubnets: not enough address space');
      out.push(`${ipText(next)}/${bits}`);
      next += size;
    }
    return derived(out, ctx.loc, [p!]);
  }),
  cidrhost: def(2, 2, ([p, h], ctx) => {
    const c = parseCidr(asStringLike(p!));
    if (!c) return ipv6(ctx);
    const size = 2 ** (32 - c.bits);
    let host = asNumberLike(h!);
    if (host < 0) host += size;
    if (host < 0 || host >= size) fail('cidrhost: host number out of range');
    return derived(ipText(c.base + host), ctx.loc, [p!]);
  }),
  cidrnetmask: def(1, 1, ([p], ctx) => {
    const c = parseCidr(asStringLike(p!));
    if (!c) return ipv6(ctx);
    return derived(ipText(2 ** 32 - 2 ** (32 - c.bits)), ctx.loc, [p!]);
  }),
};
