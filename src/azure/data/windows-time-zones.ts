// Typed view of windows-time-zones.json, which scripts/derive-dst-zones.mjs derives (see
// src/azure/data/SOURCES.md).
import data from './windows-time-zones.json' with { type: 'json' };

export interface WindowsTimeZone {
  /** The id as Windows spells it, e.g. `Pacific Standard Time`. */
  readonly id: string;
  /** Canonical IANA zone (CLDR territory "001"). */
  readonly iana: string;
  /** The zone changes its UTC offset during the year (daylight saving time). */
  readonly observesDst: boolean;
}

export const WINDOWS_TIME_ZONES: readonly WindowsTimeZone[] = data.zones;
