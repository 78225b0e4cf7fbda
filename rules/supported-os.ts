import type { Rule, RuleContext, RuleMeta } from './api.js';
import type { ImageRef } from '../src/azure/model.js';
import type { Loc } from '../src/kernel/location.js';
import {
  COREOS,
  MIN_WINDOWS_CLIENT_VERSION,
  MIN_WINDOWS_SERVER_YEAR,
  WINDOWS_CLIENT_PUBLISHERS,
  WINDOWS_SERVER,
} from '../src/azure/data/images.js';
import { checkString } from './lib/check.js';
import { at, cite } from './lib/report.js';
import { eqi, inList } from './lib/values.js';

const id = 'supported-os';
const meta: RuleMeta = {
  description: 'The VM image must run an operating system Azure Backup supports.',
  severity: 'warn',
  matrixRow:
    "Operating system support (Windows): Windows 10 Client (64 bit only); Windows Server 2019 (Datacenter/Datacenter Core/Standard); Windows Server 2016 (Datacenter/Datacenter Core/Standard); Windows Server 2012 R2 (Datacenter/Standard); Windows Server 2012 (Datacenter/Standard); Windows Server 2008 R2 (RTM and SP1 Standard); Windows Server 2008 (64 bit only). Azure Backup doesn't support 32-bit operating systems. Azure Backup doesn't support Core OS Linux.",
};

const BITS_32 = /(?:^|[-_.])(?:x86|32-?bit)(?:$|[-_.])/i;

/** The Windows client version an offer (`Windows-10`) or SKU (`Win7-SP1-Ent-N`, `win10-22h2-pro`) names. */
function clientVersion(name: string): number | undefined {
  const m = /^win(?:dows)?-?(\d+(?:\.\d+)?)(?:$|[-_])/i.exec(name);
  return m ? Number(m[1]) : undefined;
}

function checkImage(ctx: RuleContext, image: ImageRef, fallback: Loc): void {
  const source = `(${cite(ctx, id, meta)})`;
  const { publisher, offer, sku } = image;
  const coreOs = `Azure Backup doesn't support CoreOS Linux ${source}`;
  checkString(ctx, publisher, fallback, (p) => (eqi(p, COREOS) ? `Image publisher '${p}': ${coreOs}` : undefined));
  if (publisher.kind !== 'string') return;
  if (!eqi(publisher.value, COREOS)) {
    checkString(ctx, offer, fallback, (o) => (eqi(o, COREOS) ? `Image offer '${o}': ${coreOs}` : undefined));
  }
  if (eqi(publisher.value, WINDOWS_SERVER.publisher) && offer.kind === 'string' && eqi(offer.value, WINDOWS_SERVER.offer)) {
    checkString(ctx, sku, fallback, (s) => {
      const year = /^(\d{4})(?:$|-)/.exec(s);
      return year && Number(year[1]) < MIN_WINDOWS_SERVER_YEAR
        ? `Image SKU '${s}' is Windows Server ${year[1]}; Azure Backup supports Windows Server ${MIN_WINDOWS_SERVER_YEAR} and later ${source}`
        : undefined;
    });
    return;
  }
  if (!inList(publisher.value, WINDOWS_CLIENT_PUBLISHERS)) return;
  const offerVersion = offer.kind === 'string' ? clientVersion(offer.value) : undefined;
  const tooOld = (v: number | undefined): boolean => v !== undefined && v < MIN_WINDOWS_CLIENT_VERSION;
  const oldMessage = (name: string, v: number): string =>
    `Image '${name}' is Windows ${v}; Azure Backup supports Windows ${MIN_WINDOWS_CLIENT_VERSION} (64-bit) and later clients ${source}`;
  if (sku.kind !== 'string' && sku.kind !== 'unknown') {
    if (tooOld(offerVersion) && offer.kind === 'string') ctx.report({ at: at(offer, fallback), message: oldMessage(offer.value, offerVersion!) });
    return;
  }
  checkString(ctx, sku, fallback, (s) => {
    if (BITS_32.test(s)) return `Image SKU '${s}' is a 32-bit Windows; Azure Backup doesn't support 32-bit operating systems ${source}`;
    const v = clientVersion(s) ?? offerVersion;
    return tooOld(v) ? oldMessage(s, v!) : undefined;
  });
}

const rule: Rule = {
  id,
  meta,
  check(model, ctx) {
    for (const vm of model.vms) if (vm.image) checkImage(ctx, vm.image, vm.at);
  },
};
export default rule;
