// E6: imported variables and functions of local files.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bicepVm, ruleAt, where } from './helpers.js';

const shared = "@export()\nvar sizes = {\n  small: 'Standard_A0'\n}\n\n@export()\nfunc sizeOf(family string) string => 'Standard_${family}'\n\n@export()\ntype sizeType = 'small' | 'large'\n";

describe('Bicep compile-time imports', () => {
  it('an imported variable and function, by name and through a namespace', () => {
    for (const [imports, expression] of [
      ["import { sizes } from './shared.bicep'", 'sizes.small'],
      ["import { sizes as s, sizeType } from './shared.bicep'", 's.small'],
      ["import { sizeOf } from './shared.bicep'", "sizeOf('A0')"],
      ["import * as shared from './shared.bicep'", 'shared.sizes.small'],
      ["import * as shared from './shared.bicep'", "shared.sizeOf('A0')"],
    ]) {
      const files = { 'main.bicep': `${imports}\n${bicepVm('vm', "'vm1'", expression!)}`, 'shared.bicep': shared };
      assert.deepEqual(ruleAt(files, 'min-vm-size'), [where(files, 'main.bicep', expression!, 'vmSize')], imports);
    }
  });

  it('a registry import holds types only; an import cycle reads nothing twice', () => {
    const files = {
      'main.bicep': `import { lockType } from 'br/public:avm/utl/types/avm-common-types:0.5.1'\nimport { x } from './a.bicep'\n${bicepVm('vm', "'vm1'", 'x')}`,
      'a.bicep': "import { y } from './main.bicep'\n@export()\nvar x = y\n",
    };
    assert.deepEqual(ruleAt(files, 'min-vm-size'), []);
  });
});
