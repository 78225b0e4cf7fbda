import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LintMessage } from '../../src/engine/lint-message.js';
import type { RunReport } from '../../src/results/results.js';
import { FORMAT_NAMES, fileUrlBaseFromEnv, getFormatter } from '../../src/reporters/index.js';
import { junit } from '../../src/reporters/junit.js';
import { markdown } from '../../src/reporters/markdown.js';
import { sampleReport } from './fixture.js';

const CWD = '/work/project';
const DOCS = 'https://example.org/azure-backup-lint/docs/rules/';

function withMessages(messages: LintMessage[]): RunReport {
  const base = sampleReport(CWD);
  return {
    ...base,
    results: [{ filePath: `${CWD}/a.json`, errorCount: 0, fatalErrorCount: 0, warningCount: messages.length, suppressedMessages: [], messages }],
  };
}

describe('junit formatter', () => {
  it('writes one suite per file and one testcase per finding', () => {
    assert.equal(
      junit(sampleReport(CWD)),
      `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="azure-backup-lint" tests="6" failures="3" errors="1" skipped="1">
  <testsuite name="templates/vm.json" tests="2" failures="2" errors="0" skipped="0">
    <testcase classname="templates/vm.json" name="azure-backup/no-spot-vm 7:21">
      <failure type="warning" message="VM &apos;vm1&apos; is a Spot VM; Azure Backup restores it as a regular VM.">templates/vm.json:7:21 warning VM 'vm1' is a Spot VM; Azure Backup restores it as a regular VM.</failure>
    </testcase>
    <testcase classname="templates/vm.json" name="azure-backup/no-ultra-ssd 11:37">
      <failure type="error" message="OS disk of VM &apos;vm1&apos; is UltraSSD_LRS; Azure Backup does not support Ultra SSD disks.">templates/vm.json:11:37 error OS disk of VM 'vm1' is UltraSSD_LRS; Azure Backup does not support Ultra SSD disks.
  ↳ value from parameter 'diskSku' (templates/vm.parameters.json:4:16)</failure>
    </testcase>
  </testsuite>
  <testsuite name="infra/main.tf" tests="2" failures="1" errors="0" skipped="1">
    <testcase classname="infra/main.tf" name="azure-backup/write-accelerator 6:33">
      <failure type="warning" message="OS disk of &apos;azurerm_linux_virtual_machine.web&apos; has Write Accelerator enabled.">infra/main.tf:6:33 warning OS disk of 'azurerm_linux_virtual_machine.web' has Write Accelerator enabled.</failure>
    </testcase>
    <testcase classname="infra/main.tf" name="azure-backup/no-spot-vm 4:14">
      <skipped message="suppressed (directive: dev box)"/>
    </testcase>
  </testsuite>
  <testsuite name="infra/variables.tf" tests="1" failures="0" errors="0" skipped="0">
    <testcase classname="infra/variables.tf" name="azure-backup-lint"/>
  </testsuite>
  <testsuite name="broken/bad.json" tests="1" failures="0" errors="1" skipped="0">
    <testcase classname="broken/bad.json" name="parse-error 1:18">
      <error type="parse-error" message="Parsing error: Value expected">broken/bad.json:1:18 error Parsing error: Value expected</error>
    </testcase>
  </testsuite>
</testsuites>
`,
    );
  });

  it('escapes markup, shows controls as escapes and drops characters XML cannot hold', () => {
    const out = junit(withMessages([{ ruleId: 'azure-backup/no-spot-vm', severity: 1, message: 'a<b & "c"\u0001\ud800\nd]]>', line: 1, column: 2 }]));
    assert.ok(out.includes('message="a&lt;b &amp; &quot;c&quot;\\x01\uFFFD&#10;d]]&gt;">a.json:1:2 warning a&lt;b &amp; "c"\\x01\uFFFD\nd]]&gt;</failure>'));
  });
});

describe('markdown formatter', () => {
  it('summarizes counts, rules, findings and VM totals', () => {
    assert.equal(
      markdown(sampleReport(CWD)),
      `### ❌ azure-backup-lint: 4 problems (2 errors, 2 warnings)

| Files checked | VMs found | Protected | Unprotected |
|---:|---:|---:|---:|
| 5 | 4 | 3 | 1 |

| Rule | Errors | Warnings |
|---|---:|---:|
| [no-ultra-ssd](${DOCS}no-ultra-ssd.md) | 1 | 0 |
| \`parse-error\` | 1 | 0 |
| [no-spot-vm](${DOCS}no-spot-vm.md) | 0 | 1 |
| [write-accelerator](${DOCS}write-accelerator.md) | 0 | 1 |

| Severity | File:line | Rule | Message |
|---|---|---|---|
| ⚠️ warning | \`templates/vm.json:7\` | [no-spot-vm](${DOCS}no-spot-vm.md) | VM 'vm1' is a Spot VM; Azure Backup restores it as a regular VM. |
| ❌ error | \`templates/vm.json:11\` | [no-ultra-ssd](${DOCS}no-ultra-ssd.md) | OS disk of VM 'vm1' is UltraSSD_LRS; Azure Backup does not support Ultra SSD disks.<br>↳ value from parameter 'diskSku' (templates/vm.parameters.json:4:16) |
| ⚠️ warning | \`infra/main.tf:6\` | [write-accelerator](${DOCS}write-accelerator.md) | OS disk of 'azurerm_linux_virtual_machine.web' has Write Accelerator enabled. |
| ❌ error | \`broken/bad.json:1\` | \`parse-error\` | Parsing error: Value expected |

1 suppressed finding is not shown (inline directives or baseline).
`,
    );
  });

  it('links files when given a base URL, and escapes table cells', () => {
    const out = markdown(withMessages([{ ruleId: 'azure-backup/no-spot-vm', severity: 1, message: 'a|b <i>\nc', line: 9, column: 1 }]), {
      fileUrlBase: 'https://github.com/o/r/blob/abc/',
    });
    assert.ok(out.includes(`| ⚠️ warning | [a.json:9](https://github.com/o/r/blob/abc/a.json#L9) | [no-spot-vm](${DOCS}no-spot-vm.md) | a\\|b &lt;i&gt;<br>c |\n`));
    assert.ok(out.startsWith('### ⚠️ azure-backup-lint: 1 problem (0 errors, 1 warning)\n'));
  });

  it('folds long finding lists into <details>', () => {
    const many = Array.from({ length: 11 }, (_, i): LintMessage => ({ ruleId: 'azure-backup/no-spot-vm', severity: 1, message: 'Spot', line: i + 1, column: 1 }));
    const out = markdown(withMessages(many));
    assert.ok(out.includes('\n<details><summary>11 findings</summary>\n\n| Severity | File:line | Rule | Message |\n'));
    assert.ok(out.endsWith('| ⚠️ warning | `a.json:11` | [no-spot-vm](' + DOCS + 'no-spot-vm.md) | Spot |\n\n</details>\n'));
    assert.ok(!markdown(withMessages(many.slice(0, 10))).includes('<details>'));
  });

  it('reports a clean run with the inventory', () => {
    const base = sampleReport(CWD);
    assert.equal(
      markdown({ ...base, results: [base.results[2]!] }),
      '### ✅ azure-backup-lint: no problems\n\n| Files checked | VMs found | Protected | Unprotected |\n|---:|---:|---:|---:|\n| 5 | 4 | 3 | 1 |\n',
    );
  });

  it('counts a VM once across scenarios, protected only if every scenario protects it', () => {
    const base = sampleReport(CWD);
    const vm = base.inventory[1]!;
    const report = { ...base, results: [], inventory: [vm, { ...vm, scenario: 'prod', instances: 5, protected: false }] };
    assert.ok(markdown(report).includes('| 5 | 5 | 0 | 5 |'));
  });
});

describe('formatter registry', () => {
  it('knows every format by its --format name', () => {
    assert.deepEqual(FORMAT_NAMES, ['stylish', 'json', 'sarif', 'github', 'azure-devops', 'junit', 'markdown']);
    for (const name of FORMAT_NAMES) assert.equal(typeof getFormatter(name), 'function');
    assert.equal(getFormatter('checkstyle'), undefined);
    assert.equal(getFormatter('toString'), undefined);
    assert.equal(getFormatter('azure-devops')!(sampleReport(CWD)).split('\n')[0]!.startsWith('##vso[task.logissue type=warning;'), true);
  });

  it('builds the markdown link base from GitHub Actions variables', () => {
    assert.equal(
      fileUrlBaseFromEnv({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'abc' }),
      'https://github.com/o/r/blob/abc/',
    );
    assert.equal(fileUrlBaseFromEnv({}), undefined);
  });
});
