import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { rules } from '../../rules/index.js';
import { REPO_ROOT } from '../helpers/cli.js';

it('the README lists every rule with its default severity and docs link', () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  for (const rule of rules) {
    const severity = rule.meta.severity === 'off' ? 'off (warn in `all`)' : rule.meta.severity;
    assert.ok(readme.includes(`| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${severity} |`), rule.id);
  }
});
