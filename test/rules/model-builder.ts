// Hand-built models for rule tests: every value gets its own fake location, so a test can
// assert exactly which value a finding points at.
import type { Loc } from '../../src/kernel/location.js';
import { ruleContext, type WrittenReport } from '../../src/engine/findings.js';
import { MATRICES, type MatrixEdition } from '../../src/azure/matrix/matrix.js';
import type { Rule } from '../../rules/api.js';
import type {
  AttachedDisk,
  BackupPolicy,
  Lock,
  Model,
  NetworkInterface,
  ProtectedItem,
  Vault,
  VirtualMachine,
} from '../../src/azure/model.js';
import { arr, bool, nul, num, str, unknown, type Origin, type Val } from '../../src/kernel/value.js';

let offset = 0;
export function loc(file = 'main.json'): Loc {
  const start = offset;
  offset += 10;
  return { file, start, end: start + 5 };
}

export const s = (value: string, origins?: readonly Origin[]): Val => str(value, loc(), origins);
export const n = (value: number): Val => num(value, loc());
export const b = (value: boolean): Val => bool(value, loc());
export const absent = (): Val => nul();
export const list = (...items: Val[]): Val => arr(items, loc());
/** An unknown value from parameter `name`, with its allowedValues as candidates. */
export function param(name: string, ...candidates: (string | number | boolean)[]): Val {
  const c = candidates.map((v) => (typeof v === 'string' ? str(v) : typeof v === 'number' ? num(v) : bool(v)));
  return unknown(`parameter '${name}' has no value`, loc(), {
    origins: [{ kind: 'parameter', name }],
    ...(c.length ? { candidates: c } : {}),
  });
}
export const symbol = (name: string): Val => unknown(name, loc(), { symbol: name });

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function base(kind: string, name: string) {
  return {
    at: loc(),
    address: `${kind} '${name}'`,
    id: `/subscriptions/sub/resourcegroups/rg/providers/${kind.toLowerCase()}/${name}`,
    name: s(name),
    location: s('westeurope'),
    resourceGroup: symbol('resourceGroup().name'),
    subscription: symbol('subscription().subscriptionId'),
  };
}

export function disk(over: Partial<AttachedDisk> = {}): AttachedDisk {
  return {
    role: 'data',
    at: loc(),
    lun: n(0),
    storageType: s('Premium_LRS'),
    sizeGB: n(128),
    maxShares: absent(),
    writeAccelerator: absent(),
    ephemeralOption: absent(),
    ...over,
  };
}

export function vm(over: Partial<Mutable<VirtualMachine>> = {}, name = 'vm1'): VirtualMachine {
  return {
    kind: 'virtualMachine',
    ...base('Microsoft.Compute/virtualMachines', name),
    size: s('Standard_D2s_v3'),
    priority: absent(),
    osType: s('Linux'),
    osDisk: disk({ role: 'os' }),
    dataDisks: [],
    dataDisksAt: loc(),
    ultraSSDEnabled: absent(),
    provisionVMAgent: [],
    allowExtensionOperations: [],
    zones: absent(),
    networkInterfaces: [],
    extensions: [],
    diagnosticSettings: [],
    protectedBy: [],
    scaleSet: false,
    ...over,
  };
}

export function nic(allocations: Val[], name = 'nic1'): NetworkInterface {
  return {
    kind: 'networkInterface',
    ...base('Microsoft.Network/networkInterfaces', name),
    ipConfigurations: allocations.map((allocation, i) => ({ name: s(`ipconfig${i}`), allocation, privateIp: absent() })),
    attached: true,
  };
}

export function vault(over: Partial<Vault> = {}, name = 'vault1'): Vault {
  return {
    kind: 'vault',
    ...base('Microsoft.RecoveryServices/vaults', name),
    crossRegionRestore: absent(),
    storageRedundancy: s('GeoRedundant'),
    ...over,
  };
}

export function policy(over: Partial<BackupPolicy> = {}, name = 'policy1'): BackupPolicy {
  return {
    kind: 'backupPolicy',
    ...base('Microsoft.RecoveryServices/vaults/backupPolicies', name),
    managementType: s('AzureIaasVM'),
    policyType: absent(),
    schedule: { frequency: s('Daily'), runTimes: [s('2024-01-01T02:00:00Z')], hourlyInterval: absent(), hourlyWindowHours: absent() },
    retention: [{ unit: 'daily', count: n(30) }],
    timeZone: s('UTC'),
    restorePointResourceGroup: absent(),
    ...over,
  };
}

/** Links a protected item between the VM, the vault and the policy, as the evaluators do. */
export function protect(target: VirtualMachine, v?: Vault, p?: BackupPolicy): ProtectedItem {
  const item: ProtectedItem = {
    kind: 'protectedItem',
    ...base('Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems', `item-${String(target.address)}`),
    sourceVm: s(target.id ?? ''),
    vm: target,
    ...(v ? { vault: v } : {}),
    ...(p ? { policy: p } : {}),
  };
  (target.protectedBy as ProtectedItem[]).push(item);
  return item;
}

export function lock(over: Partial<Lock> = {}): Lock {
  return {
    kind: 'lock',
    ...base('Microsoft.Authorization/locks', 'lock1'),
    level: s('CanNotDelete'),
    scope: 'resourceGroup',
    targetResourceGroup: symbol('resourceGroup().name'),
    ...over,
  };
}

export function model(over: Partial<Model> = {}): Model {
  return {
    scenario: { name: 'defaults' },
    vms: [],
    disks: [],
    networkInterfaces: [],
    vaults: [],
    policies: [],
    protectedItems: [],
    locks: [],
    diagnosticSettings: [],
    opaque: [],
    ...over,
  };
}

export interface Findings {
  readonly reports: WrittenReport[];
  readonly maybes: WrittenReport[];
}

/** Runs one rule over a model as the engine does (messages written out, repeats dropped), recording its reports. */
export function run(rule: Rule, m: Model, edition: MatrixEdition = '2021', options: Record<string, unknown> = {}): Findings {
  const reports: WrittenReport[] = [];
  const maybes: WrittenReport[] = [];
  const context = ruleContext(rule, MATRICES[edition], { ...rule.meta.defaultOptions, ...options }, true, (r) =>
    void (r.certainty === 'maybe' ? maybes : reports).push(r),
  );
  rule.check(m, context);
  return { reports, maybes };
}
