import path from 'node:path';
import type { RunReport } from '../results/results.js';
import { inert, inertJson } from '../reporters/safe-text.js';

/**
 * The VMs the linter understood, as a table for people or JSON for tools. Names, sizes and
 * paths come from the user's files and may be printed into a terminal or a CI log, so both
 * forms are made inert (the JSON parses to the same values).
 */
export function formatInventory(report: RunReport, format: 'table' | 'json'): string {
  const rows = report.inventory.map((e) => ({ ...e, filePath: path.relative(report.cwd, e.filePath) || e.filePath }));
  if (format === 'json') return `${inertJson(JSON.stringify(rows, null, 2))}\n`;
  const header = ['file:line:col', 'name', 'kind', 'instances', 'size', 'location', 'disks', 'disk types', 'protected'];
  const body = rows.map((e) =>
    [
      `${e.filePath}:${e.line}:${e.column}`,
      e.name,
      e.kind,
      String(e.instances),
      e.size,
      e.location,
      String(e.diskCount),
      e.diskTypes.join(','),
      e.protected ? 'yes' : 'no',
    ].map(inert),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const protectedCount = rows.filter((e) => e.protected).length;
  return [line(header), ...body.map(line), '', `${rows.length} VM declarations, ${protectedCount} protected by a backup item in the same configuration`, ''].join('\n');
}
