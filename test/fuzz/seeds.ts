import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/cli.js';

/** A set of files linted together (a template with its parameter and linked files, a module tree). */
export type Project = Readonly<Record<string, string>>;

function filesUnder(dir: string, keep: (name: string) => boolean): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const abs = path.join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (keep(name)) out[path.relative(dir, abs)] = readFileSync(abs, 'utf8');
    }
  };
  walk(dir);
  return out;
}

function subdirs(dir: string): string[] {
  try {
    return readdirSync(dir)
      .sort()
      .map((n) => path.join(dir, n))
      .filter((p) => statSync(p).isDirectory());
  } catch {
    return [];
  }
}

const isJson = (n: string) => n.endsWith('.json');
const isTerraform = (n: string) => /\.(tf|tfvars|tf\.json)$/.test(n);

/** The ARM and Bicep-compiled examples, one project per example directory that holds JSON (a `.bicep`-only one holds none). */
export function armSeeds(): Project[] {
  return [...subdirs(path.join(REPO_ROOT, 'examples/arm')), ...subdirs(path.join(REPO_ROOT, 'examples/bicep'))]
    .map((d) => filesUnder(d, isJson))
    .filter((project) => Object.keys(project).length > 0);
}

/** The Terraform example (with its child module) and each HCL fixture as a module of its own. */
export function terraformSeeds(): Project[] {
  const out: Project[] = [];
  const example = path.join(REPO_ROOT, 'examples/terraform');
  try {
    out.push(filesUnder(example, isTerraform));
  } catch {
    // No Terraform example yet: the fixtures still seed the fuzzer.
  }
  const hcl = path.join(REPO_ROOT, 'test/fixtures/hcl');
  let names: string[] = [];
  try {
    names = readdirSync(hcl).filter((n) => n.endsWith('.tf')).sort();
  } catch {
    // No HCL fixtures yet.
  }
  for (const n of names) out.push({ [`mod/${n}`]: readFileSync(path.join(hcl, n), 'utf8') });
  for (const dir of subdirs(path.join(REPO_ROOT, 'test/fixtures/terraform'))) out.push(filesUnder(dir, isTerraform));
  return out.filter((p) => Object.keys(p).length > 0);
}

/** The `.bicep` and `.bicepparam` sources of the Bicep examples, one project per example directory. */
export function bicepSourceSeeds(): Project[] {
  return subdirs(path.join(REPO_ROOT, 'examples/bicep'))
    .map((d) => filesUnder(d, (n) => n.endsWith('.bicep') || n.endsWith('.bicepparam')))
    .filter((p) => Object.keys(p).length > 0);
}
