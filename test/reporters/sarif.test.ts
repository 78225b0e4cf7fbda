import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { LintResult, RunReport } from '../../src/results/results.js';
import { sarif } from '../../src/reporters/sarif.js';
import { lintSources } from '../../src/api/lint.js';
import { matrixRow } from '../../src/azure/matrix/matrix.js';
import { RULES, sampleReport } from './fixture.js';
import { ARM } from '../eslint/fixtures-arm.js';
import { sarifMultitool, validateSarif } from '../helpers/sarif-validator.js';

const CWD = '/work/project';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: object } }[];
  relatedLocations?: object[];
  partialFingerprints: Record<string, string>;
  suppressions?: object[];
}

function run(report: RunReport) {
  const log = JSON.parse(sarif(report));
  return { log, driver: log.runs[0].tool.driver, results: log.runs[0].results as SarifResult[] };
}

function fingerprints(report: RunReport): string[] {
  return run(report).results.map((r) => r.partialFingerprints['azureBackupLint/v1']!);
}

/** One file with one finding per given line number, over the given source. */
function oneFile(source: string, lines: readonly number[]): RunReport {
  const result: LintResult = {
    filePath: join(CWD, 'main.tf'),
    source,
    errorCount: lines.length,
    fatalErrorCount: 0,
    warningCount: 0,
    suppressedMessages: [],
    messages: lines.map((line) => ({ ruleId: 'azure-backup/no-ultra-ssd', severity: 2, message: 'Ultra SSD.', line, column: 3 })),
  };
  return { ...sampleReport(CWD), results: [result] };
}

describe('sarif formatter', () => {
  it('describes the tool, every rule and the source root', () => {
    const { log, driver } = run(sampleReport(CWD));
    assert.equal(log.$schema, 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.deepEqual(log.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///work/project/' } });
    assert.equal(driver.name, 'azure-backup-lint');
    assert.equal(driver.version, '0.1.0');
    assert.equal(driver.informationUri, 'https://www.npmjs.com/package/eslint-plugin-azure-backup');
    assert.deepEqual(driver.rules[0], {
      id: 'no-ultra-ssd',
      name: 'NoUltraSsd',
      shortDescription: { text: 'Disallow Ultra SSD disks on VMs that Azure Backup protects.' },
      fullDescription: { text: 'Ultra SSD disks: Not supported' },
      helpUri: 'https://example.org/azure-backup-lint/docs/rules/no-ultra-ssd.md',
      help: {
        text: 'Disallow Ultra SSD disks on VMs that Azure Backup protects.\n\nSupport matrix for Azure VM backup, 2021 edition: "Ultra SSD disks: Not supported"\n\nDocs: https://example.org/azure-backup-lint/docs/rules/no-ultra-ssd.md',
        markdown:
          'Disallow Ultra SSD disks on VMs that Azure Backup protects.\n\n*Support matrix for Azure VM backup*, 2021 edition:\n\n> Ultra SSD disks: Not supported\n\n[Rule documentation](https://example.org/azure-backup-lint/docs/rules/no-ultra-ssd.md)',
      },
      defaultConfiguration: { level: 'error' },
    });
    assert.deepEqual(driver.rules[1].defaultConfiguration, { level: 'warning' });
    assert.deepEqual(driver.rules[3].defaultConfiguration, { level: 'warning', enabled: false });
    // Every catalog rule, then the synthetic rule the parse error needs.
    assert.deepEqual(
      driver.rules.map((r: { id: string }) => r.id),
      [...RULES.map((r) => r.id), 'parse-error'],
    );
  });

  it("quotes the run's matrix edition in the rule metadata, and the short message in the result", () => {
    const ultra = ARM['no-ultra-ssd']!.invalid;
    for (const edition of ['2021', '2025'] as const) {
      const { driver, results } = run(lintSources({ 'main.json': ultra }, { cwd: CWD, matrix: edition }));
      const rule = driver.rules.find((r: { id: string }) => r.id === 'no-ultra-ssd');
      const row = matrixRow('no-ultra-ssd', edition);
      assert.equal(row.edition, edition);
      assert.equal(rule.fullDescription.text, row.text);
      assert.ok(rule.help.text.includes(`${edition} edition: "${row.text}"`), rule.help.text);
      assert.ok(rule.help.markdown.includes(`[Rule documentation](${rule.helpUri})`), rule.help.markdown);
      const ultraResults = results.filter((r) => r.ruleId === 'no-ultra-ssd');
      assert.equal(ultraResults.length, 1);
      assert.ok(!ultraResults[0]!.message.text.includes(row.text), ultraResults[0]!.message.text);
    }
  });

  it('escapes markdown in the help so that a row shows as written', () => {
    const report = sampleReport(CWD);
    const odd = { ...report.rules[0]!, matrixRow: { edition: '2021' as const, text: 'Disks *with* [brackets] and <tags>_' } };
    const { driver } = run({ ...report, rules: [odd] });
    assert.match(driver.rules[0].help.markdown, /> Disks \\\*with\\\* \\\[brackets\\\] and \\<tags\\>\\_\n/);
  });

  it('reports a finding with its region, origin and fingerprint', () => {
    const { results } = run(sampleReport(CWD));
    const ultra = results.find((r) => r.ruleId === 'no-ultra-ssd')!;
    const { partialFingerprints, ...rest } = ultra;
    assert.deepEqual(rest, {
      ruleId: 'no-ultra-ssd',
      ruleIndex: 0,
      level: 'error',
      message: { text: "OS disk of VM 'vm1' is UltraSSD_LRS; Azure Backup does not support Ultra SSD disks." },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'templates/vm.json', uriBaseId: '%SRCROOT%' },
            region: { startLine: 11, startColumn: 37, endLine: 11, endColumn: 62 },
          },
        },
      ],
      relatedLocations: [
        {
          id: 1,
          message: { text: "value from parameter 'diskSku'" },
          physicalLocation: {
            artifactLocation: { uri: 'templates/vm.parameters.json', uriBaseId: '%SRCROOT%' },
            region: { startLine: 4, startColumn: 16, endLine: 4, endColumn: 30 },
          },
        },
      ],
    });
    assert.match(partialFingerprints['azureBackupLint/v1']!, /^[0-9a-f]{32}:0$/);
  });

  it('marks suppressed results and reports parse errors as parse-error results', () => {
    const { results } = run(sampleReport(CWD));
    assert.deepEqual(
      results.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.artifactLocation.uri, r.suppressions ?? null]),
      [
        ['no-spot-vm', 'warning', 'templates/vm.json', null],
        ['no-ultra-ssd', 'error', 'templates/vm.json', null],
        ['no-spot-vm', 'warning', 'infra/main.tf', [{ kind: 'inSource', justification: 'dev box' }]],
        ['write-accelerator', 'warning', 'infra/main.tf', null],
        ['parse-error', 'error', 'broken/bad.json', null],
      ],
    );
    assert.equal(results[4]!.ruleIndex, 4);
    const base = sampleReport(CWD);
    const baselined = base.results[1]!.suppressedMessages.map((m) => ({ ...m, suppressions: [{ kind: 'baseline' as const, justification: 'accepted' }] }));
    const report = { ...base, results: [{ ...base.results[1]!, suppressedMessages: baselined }] };
    assert.deepEqual(run(report).results[0]!.suppressions, [{ kind: 'external', justification: 'accepted' }]);
  });

  it('uses an absolute file URI for files outside the source root and encodes paths', () => {
    const base = sampleReport(CWD);
    const outside = { ...base.results[0]!, filePath: '/elsewhere/my templates/vm.json' };
    const spaced = { ...base.results[0]!, filePath: join(CWD, 'my templates', 'vm#1.json') };
    const { results } = run({ ...base, results: [outside, spaced] });
    assert.deepEqual(results[0]!.locations[0]!.physicalLocation.artifactLocation, { uri: 'file:///elsewhere/my%20templates/vm.json' });
    assert.deepEqual(results[2]!.locations[0]!.physicalLocation.artifactLocation, { uri: 'my%20templates/vm%231.json', uriBaseId: '%SRCROOT%' });
  });

  it('keeps fingerprints when lines move or are reindented, and tells identical lines apart', () => {
    const source = 'a\n  disk = "UltraSSD_LRS"\nb\n  disk = "UltraSSD_LRS"\n';
    const before = fingerprints(oneFile(source, [2, 4]));
    assert.notEqual(before[0], before[1]);
    assert.equal(before[0]!.replace(/:0$/, ':1'), before[1]);
    const moved = 'x\ny\na\n      disk   =  "UltraSSD_LRS"\nb\n\tdisk = "UltraSSD_LRS"\n';
    assert.deepEqual(fingerprints(oneFile(moved, [4, 6])), before);
    const otherLine = fingerprints(oneFile('a\n  disk = "PremiumV2_LRS"\n', [2]));
    assert.notEqual(otherLine[0], before[0]);
  });

  it('passes the SARIF Multitool validator', (t) => {
    const tool = sarifMultitool();
    if ('skip' in tool) {
      t.skip(tool.skip);
      return;
    }
    assert.deepEqual(validateSarif(tool.bin, sarif(sampleReport(tmpdir()))), []);
  });
});
