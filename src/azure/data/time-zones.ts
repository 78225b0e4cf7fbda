import { WINDOWS_TIME_ZONES, type WindowsTimeZone } from './windows-time-zones.js';

let byLowerId: Map<string, WindowsTimeZone> | undefined;

/** A Windows time-zone id (as backup policies use), case-insensitively; undefined when not one. */
export function lookupWindowsTimeZone(id: string): WindowsTimeZone | undefined {
  byLowerId ??= new Map(WINDOWS_TIME_ZONES.map((zone) => [zone.id.toLowerCase(), zone]));
  return byLowerId.get(id.trim().toLowerCase());
}
