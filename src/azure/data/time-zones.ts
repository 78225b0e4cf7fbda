import { WINDOWS_TIME_ZONES } from './windows-time-zones.js';

export interface WindowsTimeZone {
  /** The id as Windows spells it, e.g. `Pacific Standard Time`. */
  readonly id: string;
  readonly iana: string;
  /** The zone changes its UTC offset during the year (daylight saving time). */
  readonly observesDst: boolean;
}

let byLowerId: Map<string, WindowsTimeZone> | undefined;

/** A Windows time-zone id (as backup policies use), case-insensitively; undefined when not one. */
export function lookupWindowsTimeZone(id: string): WindowsTimeZone | undefined {
  byLowerId ??= new Map(
    WINDOWS_TIME_ZONES.map(([zoneId, iana, observesDst]) => [zoneId.toLowerCase(), { id: zoneId, iana, observesDst }]),
  );
  return byLowerId.get(id.trim().toLowerCase());
}
