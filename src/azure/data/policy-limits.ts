// Retention limits of Azure VM backup policies (AzureIaasVM), derived into policy-limits.json by
// scripts/derive-data.mjs from the reference file backup-policy-limits.json; sources in
// src/azure/data/SOURCES.md.
import type { RetentionLimit } from '../model.js';
import data from './policy-limits.json' with { type: 'json' };

export interface RetentionMax {
  readonly max: number;
  /** Plural unit for messages. */
  readonly unit: string;
}

/**
 * Largest retention count per schedule: 9999 recovery points (daily), and the counts that fit
 * in 99 years for the longer schedules (Az PowerShell `PolicyConstants`).
 */
export const RETENTION_MAX: Readonly<Record<RetentionLimit['unit'], RetentionMax>> = data.retentionMax;
