// Marketplace image facts supported-os needs, derived into images.json by
// scripts/derive-data.mjs from the reference file images.json; sources in src/azure/data/SOURCES.md.
// Marketplace ids compare case-insensitively, so the file holds them lower-cased.
import data from './images.json' with { type: 'json' };

/** "Azure Backup doesn't support Core OS Linux": publisher `CoreOS`, offer `CoreOS`. */
export const COREOS: string = data.coreOs;

/** Windows Server marketplace images: the SKU starts with the release year (`2019-Datacenter`). */
export const WINDOWS_SERVER: { readonly publisher: string; readonly offer: string } = data.windowsServer;

/** Oldest Windows Server release in the support matrix ("Windows Server 2008 (64 bit only)"). */
export const MIN_WINDOWS_SERVER_YEAR: number = data.minWindowsServerYear;

/**
 * Publishers of Windows client images; the version is in the offer (`Windows-10`) or the SKU
 * (`Win7-SP1-Ent-N`, `win10-22h2-pro`).
 */
export const WINDOWS_CLIENT_PUBLISHERS: readonly string[] = data.windowsClientPublishers;

/** Oldest Windows client in the support matrix ("Windows 10 Client (64 bit only)"). */
export const MIN_WINDOWS_CLIENT_VERSION: number = data.minWindowsClientVersion;
