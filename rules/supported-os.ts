import { defineRule, type RuleContext } from './api.js';
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
import { at } from './lib/report.js';
import { eqi, inList } from './lib/values.js';

const messages = {
  coreOsPublisher: "Image publisher '{{name}}' is CoreOS Linux, which Azure Backup doesn't support",
  coreOsOffer: "Image offer '{{name}}' is CoreOS Linux, which Azure Backup doesn't support",
  oldServer: "Image SKU '{{sku}}' is Windows Server {{year}}; Azure Backup supports Windows Server {{minYear}} and later",
  oldClient: "Image '{{name}}' is Windows {{version}}; Azure Backup supports Windows {{minVersion}} (64-bit) and later clients",
  bits32: "Image SKU '{{sku}}' is a 32-bit Windows; Azure Backup doesn't support 32-bit operating systems",
};

const BITS_32 = /(?:^|[-_.])(?:x86|32-?bit)(?:$|[-_.])/i;

/** The Windows client version an offer (`Windows-10`) or SKU (`Win7-SP1-Ent-N`, `win10-22h2-pro`) names. */
function clientVersion(name: string): number | undefined {
  const m = /^win(?:dows)?-?(\d+(?:\.\d+)?)(?:$|[-_])/i.exec(name);
  return m ? Number(m[1]) : undefined;
}

function checkImage(ctx: RuleContext<keyof typeof messages>, image: ImageRef, fallback: Loc): void {
  const { publisher, offer, sku } = image;
  checkString(ctx, publisher, fallback, (name) => (eqi(name, COREOS) ? { messageId: 'coreOsPublisher', data: { name } } : undefined));
  if (publisher.kind !== 'string') return;
  if (!eqi(publisher.value, COREOS)) {
    checkString(ctx, offer, fallback, (name) => (eqi(name, COREOS) ? { messageId: 'coreOsOffer', data: { name } } : undefined));
  }
  if (eqi(publisher.value, WINDOWS_SERVER.publisher) && offer.kind === 'string' && eqi(offer.value, WINDOWS_SERVER.offer)) {
    checkString(ctx, sku, fallback, (s) => {
      const year = /^(\d{4})(?:$|-)/.exec(s);
      return year && Number(year[1]) < MIN_WINDOWS_SERVER_YEAR
        ? { messageId: 'oldServer', data: { sku: s, year: year[1]!, minYear: MIN_WINDOWS_SERVER_YEAR } }
        : undefined;
    });
    return;
  }
  if (!inList(publisher.value, WINDOWS_CLIENT_PUBLISHERS)) return;
  const offerVersion = offer.kind === 'string' ? clientVersion(offer.value) : undefined;
  const tooOld = (v: number | undefined): boolean => v !== undefined && v < MIN_WINDOWS_CLIENT_VERSION;
  const old = (name: string, version: number) => ({ messageId: 'oldClient', data: { name, version, minVersion: MIN_WINDOWS_CLIENT_VERSION } }) as const;
  if (sku.kind !== 'string' && sku.kind !== 'unknown') {
    if (tooOld(offerVersion) && offer.kind === 'string') ctx.report({ at: at(offer, fallback), ...old(offer.value, offerVersion!) });
    return;
  }
  checkString(ctx, sku, fallback, (s) => {
    if (BITS_32.test(s)) return { messageId: 'bits32', data: { sku: s } };
    const v = clientVersion(s) ?? offerVersion;
    return tooOld(v) ? old(s, v!) : undefined;
  });
}

export default defineRule({
  id: 'supported-os',
  meta: {
    description: 'The VM image must run an operating system Azure Backup supports.',
    category: 'backup-blocker',
    severity: 'warn',
    messages,
  },
  check(model, ctx) {
    for (const vm of model.vms) if (vm.image) checkImage(ctx, vm.image, vm.at);
  },
});
