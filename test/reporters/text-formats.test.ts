import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunReport } from '../../src/results/results.js';
import { azureDevops } from '../../src/reporters/azure-devops.js';
import { github } from '../../src/reporters/github.js';
import { json } from '../../src/reporters/json.js';
import { stylish } from '../../src/reporters/stylish.js';
import { sampleReport } from './fixture.js';

const CWD = '/work/project';

/** A warning whose path and message contain every character the CI formats escape. */
function awkward(): RunReport {
  const base = sampleReport(CWD);
  return {
    ...base,
    results: [
      {
        filePath: `${CWD}/odd dir/a:b,c;d]e%.json`,
        errorCount: 0,
        fatalErrorCount: 0,
        warningCount: 1,
        suppressedMessages: [],
        messages: [
          {
            ruleId: 'azure-backup/no-spot-vm',
            severity: 1,
            message: '100% Spot; see [docs]: a,b\r\nnext line',
            line: 3,
            column: 5,
          },
        ],
      },
    ],
  };
}

function clean(): RunReport {
  const base = sampleReport(CWD);
  return { ...base, results: [base.results[2]!] };
}

describe('stylish formatter', () => {
  it('prints findings aligned like ESLint, with origins and a summary', () => {
    assert.equal(
      stylish(sampleReport(CWD)),
      [
        '',
        'templates/vm.json',
        "   7:21  warning  VM 'vm1' is a Spot VM; Azure Backup restores it as a regular VM                     azure-backup/no-spot-vm",
        "  11:37  error    OS disk of VM 'vm1' is UltraSSD_LRS; Azure Backup does not support Ultra SSD disks  azure-backup/no-ultra-ssd",
        "      ↳ value from parameter 'diskSku' (templates/vm.parameters.json:4:16)",
        '',
        'infra/main.tf',
        "  6:33  warning  OS disk of 'azurerm_linux_virtual_machine.web' has Write Accelerator enabled  azure-backup/write-accelerator",
        '',
        'broken/bad.json',
        '  1:18  error  Parsing error: Value expected',
        '',
        '✖ 4 problems (2 errors, 2 warnings)',
        '',
      ].join('\n'),
    );
  });

  it('colors only when asked', () => {
    const out = stylish(sampleReport(CWD), { color: true, cwd: CWD });
    assert.ok(out.includes('\u001b[4mtemplates/vm.json\u001b[24m\n'));
    assert.ok(out.includes('  \u001b[2m11:37\u001b[22m  \u001b[31merror\u001b[39m    OS disk'));
    assert.ok(out.endsWith('\u001b[1m\u001b[31m✖ 4 problems (2 errors, 2 warnings)\u001b[39m\u001b[22m\n'));
    assert.doesNotMatch(stylish(sampleReport(CWD)), /\u001b/);
  });

  it('shows paths relative to the given cwd', () => {
    const out = stylish(sampleReport(CWD), { cwd: '/work' });
    assert.ok(out.includes('\nproject/infra/main.tf\n'));
    assert.ok(out.includes('(project/templates/vm.parameters.json:4:16)'));
  });

  it('says what it checked when there is nothing to report', () => {
    assert.equal(stylish(clean()), '✔ No problems (5 files, 2 VMs checked)\n');
  });

  it('uses singular words and the warning color for one warning', () => {
    assert.ok(stylish(awkward(), { color: true }).endsWith('\u001b[1m\u001b[33m✖ 1 problem (0 errors, 1 warning)\u001b[39m\u001b[22m\n'));
  });
});

describe('json formatter', () => {
  it("prints ESLint's result objects without the file text", () => {
    const parsed = JSON.parse(json(sampleReport(CWD)));
    assert.equal(parsed.length, 4);
    assert.deepEqual(Object.keys(parsed[1]), [
      'filePath',
      'messages',
      'suppressedMessages',
      'errorCount',
      'fatalErrorCount',
      'warningCount',
      'fixableErrorCount',
      'fixableWarningCount',
      'usedDeprecatedRules',
    ]);
    assert.equal(
      json(clean()),
      '[{"filePath":"/work/project/infra/variables.tf","messages":[],"suppressedMessages":[],"errorCount":0,"fatalErrorCount":0,"warningCount":0,"fixableErrorCount":0,"fixableWarningCount":0,"usedDeprecatedRules":[]}]',
    );
    assert.deepEqual(parsed[0].messages[1].relatedLocations[0].line, 4);
    assert.equal(parsed[3].messages[0].ruleId, null);
  });
});

describe('github formatter', () => {
  it('prints one workflow command per finding', () => {
    assert.equal(
      github(sampleReport(CWD)),
      [
        "::warning file=templates/vm.json,line=7,col=21,endLine=7,endColumn=27,title=azure-backup/no-spot-vm::VM 'vm1' is a Spot VM; Azure Backup restores it as a regular VM.",
        "::error file=templates/vm.json,line=11,col=37,endLine=11,endColumn=62,title=azure-backup/no-ultra-ssd::OS disk of VM 'vm1' is UltraSSD_LRS; Azure Backup does not support Ultra SSD disks.%0A↳ value from parameter 'diskSku' (templates/vm.parameters.json:4:16)",
        "::warning file=infra/main.tf,line=6,col=33,endLine=6,endColumn=37,title=azure-backup/write-accelerator::OS disk of 'azurerm_linux_virtual_machine.web' has Write Accelerator enabled.",
        '::error file=broken/bad.json,line=1,col=18,title=parse-error::Parsing error: Value expected',
        '',
      ].join('\n'),
    );
  });

  it('escapes data and properties as actions/toolkit does', () => {
    assert.equal(
      github(awkward()),
      '::warning file=odd dir/a%3Ab%2Cc;d]e%25.json,line=3,col=5,title=azure-backup/no-spot-vm::100%25 Spot; see [docs]: a,b%0Anext line\n',
    );
  });

  it('prints nothing for a clean run', () => {
    assert.equal(github(clean()), '');
  });
});

describe('azure-devops formatter', () => {
  it('prints one logissue command per finding', () => {
    assert.equal(
      azureDevops(sampleReport(CWD)),
      [
        "##vso[task.logissue type=warning;sourcepath=templates/vm.json;linenumber=7;columnnumber=21;code=azure-backup/no-spot-vm;]VM 'vm1' is a Spot VM; Azure Backup restores it as a regular VM.",
        "##vso[task.logissue type=error;sourcepath=templates/vm.json;linenumber=11;columnnumber=37;code=azure-backup/no-ultra-ssd;]OS disk of VM 'vm1' is UltraSSD_LRS; Azure Backup does not support Ultra SSD disks.%0A↳ value from parameter 'diskSku' (templates/vm.parameters.json:4:16)",
        "##vso[task.logissue type=warning;sourcepath=infra/main.tf;linenumber=6;columnnumber=33;code=azure-backup/write-accelerator;]OS disk of 'azurerm_linux_virtual_machine.web' has Write Accelerator enabled.",
        '##vso[task.logissue type=error;sourcepath=broken/bad.json;linenumber=1;columnnumber=18;code=parse-error;]Parsing error: Value expected',
        '',
      ].join('\n'),
    );
  });

  it('escapes data and properties as azure-pipelines-task-lib does', () => {
    assert.equal(
      azureDevops(awkward()),
      '##vso[task.logissue type=warning;sourcepath=odd dir/a:b,c%3Bd%5De%AZP25.json;linenumber=3;columnnumber=5;code=azure-backup/no-spot-vm;]100%AZP25 Spot; see [docs]: a,b%0Anext line\n',
    );
  });
});
