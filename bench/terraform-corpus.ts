import { cpSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './util.js';

/** Module trees the generated corpus repeats: the Terraform example and the HCL test fixtures. */
function sources(): { dir: string; files?: string[] }[] {
  const out: { dir: string; files?: string[] }[] = [];
  const example = path.join(REPO_ROOT, 'examples/terraform');
  out.push({ dir: example });
  const hcl = path.join(REPO_ROOT, 'test/fixtures/hcl');
  for (const name of safeList(hcl).filter((n) => n.endsWith('.tf'))) out.push({ dir: hcl, files: [name] });
  const tf = path.join(REPO_ROOT, 'test/fixtures/terraform');
  for (const name of safeList(tf)) if (statSync(path.join(tf, name)).isDirectory()) out.push({ dir: path.join(tf, name) });
  return out;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function countTf(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.tf')).length;
}

/**
 * Copies the sources round-robin into `target/mNNNN/` until it holds `count` `.tf` files; returns
 * the root module directories (child modules are copied along and reached through `source`).
 */
export function generateTerraformCorpus(target: string, count: number): string[] {
  const list = sources();
  const roots: string[] = [];
  let total = 0;
  for (let i = 0; total < count; i++) {
    const src = list[i % list.length]!;
    const dest = path.join(target, `m${String(i).padStart(4, '0')}`);
    mkdirSync(dest, { recursive: true });
    if (src.files) for (const f of src.files) cpSync(path.join(src.dir, f), path.join(dest, f));
    else cpSync(src.dir, dest, { recursive: true, filter: (from) => statSync(from).isDirectory() || /\.(tf|tfvars)$/.test(from) });
    total += countTf(dest);
    roots.push(dest);
  }
  return roots;
}

/** Every `.tf` file under `dir`. */
export function tfFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.tf'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}
