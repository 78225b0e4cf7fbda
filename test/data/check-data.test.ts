// Integrity of the reference data in src/data (shapes, duplicates, known edge cases).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VM_SIZES } from '../../src/azure/data/vm-sizes.js';
import { parseSizeName } from '../../src/azure/data/vm-size-name.js';
import { lookupVmSize } from '../../src/azure/data/vm-size-info.js';
import { WINDOWS_TIME_ZONES } from '../../src/azure/data/windows-time-zones.js';
import { lookupWindowsTimeZone } from '../../src/azure/data/time-zones.js';
import { RETENTION_MAX } from '../../src/azure/data/policy-limits.js';
import { MATRICES } from '../../src/azure/matrix/matrix.js';
import editions from '../../src/azure/matrix/editions.json' with { type: 'json' };
import { rules } from '../../rules/index.js';

test('VM sizes: unique names, sane numbers', () => {
  const names = Object.keys(VM_SIZES);
  assert.ok(names.length > 1500);
  assert.equal(new Set(names.map((n) => n.toLowerCase())).size, names.length);
  for (const [name, { vCPUs, memoryGiB, activeVCPUs: active }] of Object.entries(VM_SIZES)) {
    assert.match(name, /^(Standard|Basic)_/, name);
    assert.ok(Number.isInteger(vCPUs) && vCPUs > 0, name);
    assert.ok(memoryGiB === null || memoryGiB > 0, name);
    assert.ok(active === undefined || (Number.isInteger(active) && active > 0 && active < vCPUs), name);
  }
});

test('VM sizes: the name grammar reproduces every vCPU and active-vCPU count in the table', () => {
  const wrong = Object.entries(VM_SIZES).filter(([name, { vCPUs, activeVCPUs: active }]) => {
    const parsed = parseSizeName(name);
    return parsed?.vCPUs !== vCPUs || parsed.activeVCPUs !== active;
  });
  assert.deepEqual(wrong, []);
});

test('VM sizes: edge cases of min-vm-size', () => {
  assert.deepEqual(lookupVmSize('Standard_B1s'), { vCPUs: 1, memoryGiB: 1, source: 'table' });
  assert.deepEqual(lookupVmSize('Standard_A0'), { vCPUs: 1, memoryGiB: 0.75, source: 'table' });
  assert.deepEqual(lookupVmSize('Basic_A0'), { vCPUs: 1, memoryGiB: 0.75, source: 'table' });
  assert.deepEqual(lookupVmSize('standard_b1ls'), { vCPUs: 1, memoryGiB: 0.5, source: 'table' });
  assert.deepEqual(lookupVmSize('Standard_D2s_v3'), { vCPUs: 2, memoryGiB: 8, source: 'table' });
  assert.deepEqual(lookupVmSize('Standard_E4-2s_v3'), { vCPUs: 4, activeVCPUs: 2, memoryGiB: 32, source: 'table' });
  assert.deepEqual(lookupVmSize('Standard_DS11-1_v2'), { vCPUs: 2, activeVCPUs: 1, memoryGiB: 14, source: 'table' });
  assert.deepEqual(lookupVmSize('Standard_D2s_v99'), { vCPUs: 2, source: 'name' });
  assert.deepEqual(lookupVmSize('Standard_X16-4abc_v9'), { vCPUs: 16, activeVCPUs: 4, source: 'name' });
  assert.equal(lookupVmSize('not a size'), undefined);
});

test('time zones: unique Windows ids, valid IANA zones, known DST edge cases', () => {
  const ids = WINDOWS_TIME_ZONES.map(({ id }) => id.toLowerCase());
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(ids.length >= 130);
  for (const { iana } of WINDOWS_TIME_ZONES) {
    assert.doesNotThrow(() => new Intl.DateTimeFormat('en-US', { timeZone: iana }), iana);
  }
  assert.equal(lookupWindowsTimeZone('UTC')?.observesDst, false);
  assert.equal(lookupWindowsTimeZone('India Standard Time')?.observesDst, false);
  assert.equal(lookupWindowsTimeZone('Pacific Standard Time')?.observesDst, true);
  assert.equal(lookupWindowsTimeZone('w. europe standard time')?.observesDst, true);
  assert.equal(lookupWindowsTimeZone('Europe/Berlin'), undefined);
});

test('policy retention limits', () => {
  assert.deepEqual(
    Object.fromEntries(Object.entries(RETENTION_MAX).map(([k, v]) => [k, v.max])),
    { daily: 9999, weekly: 5163, monthly: 1188, yearly: 99 },
  );
});

test('matrix editions: no duplicate disk types; a 2021 row for every rule, rows only for existing rules', () => {
  const ids = new Set(rules.map((r) => r.id));
  for (const m of Object.values(MATRICES)) {
    for (const list of [m.supportedDiskTypes, m.enhancedPolicyDiskTypes, m.scheduleFrequencies.V1, m.scheduleFrequencies.V2]) {
      assert.equal(new Set(list.map((x) => x.toLowerCase())).size, list.length);
    }
  }
  assert.deepEqual(Object.keys(editions.rows).sort(), [...ids].sort());
  for (const [id, row] of Object.entries(editions.rows)) assert.ok(row['2021'], id);
  assert.deepEqual(MATRICES['2021'].limits, MATRICES['2025'].limits);
});
