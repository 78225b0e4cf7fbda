import { num, unknown, type Val } from '../../../kernel/value.js';
import type { DeploymentFunctionName } from '../expression/scope.js';
import type { Arg, CallContext, FunctionDef, FunctionTable } from './types.js';
import { errorVal } from '../../../kernel/value-ops.js';
import { atSite, intArg, wrongType } from './util.js';

function lookup(kind: 'parameter' | 'variable') {
  return (args: readonly Arg[], ctx: CallContext): Val => {
    const name = args[0]!;
    if (name.kind !== 'string') return wrongType(ctx, 0, 'a string', name, args);
    const v = kind === 'parameter' ? ctx.scope.parameter(name.value, ctx.site) : ctx.scope.variable(name.value, ctx.site);
    return v ? atSite(v, ctx.site) : errorVal(ctx.site, `${kind} '${name.value}' is not declared`, args);
  };
}

/** copyIndex(), copyIndex(offset), copyIndex('loop'), copyIndex('loop', offset). */
function copyIndex(args: readonly Arg[], ctx: CallContext): Val {
  let loop: string | undefined;
  let offset = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.kind === 'string' && i === 0) loop = a.value;
    else {
      const n = intArg(a as Val);
      if (n === undefined) return wrongType(ctx, i, i === 0 ? 'a loop name or an integer offset' : 'an integer offset', a, args);
      offset = n;
    }
  }
  const index = ctx.scope.copyIndex(loop);
  if (index === null) return unknown('copyIndex() of a copy loop whose count is unknown', ctx.site);
  if (index === undefined)
    return errorVal(ctx.site, loop === undefined ? 'copyIndex() is used outside a copy loop' : `copyIndex(): there is no copy loop named '${loop}' here`, args);
  return num(index + offset, ctx.site);
}

function deploymentObject(name: DeploymentFunctionName): FunctionDef {
  return { minArgs: 0, maxArgs: 0, fn: (_args, ctx) => atSite(ctx.scope.deploymentFunction(name, ctx.site), ctx.site) };
}

/** Functions whose result exists only during a deployment. */
export function deploymentOnly(name: string, minArgs = 0, maxArgs = Infinity): FunctionDef {
  return {
    minArgs,
    maxArgs,
    handlesUnknown: true,
    fn: (_args, ctx) => unknown(`${name}() is known only at deployment`, ctx.site),
  };
}

export const deploymentFunctions: FunctionTable = {
  parameters: { minArgs: 1, maxArgs: 1, fn: lookup('parameter') },
  variables: { minArgs: 1, maxArgs: 1, fn: lookup('variable') },
  copyindex: { minArgs: 0, maxArgs: 2, fn: copyIndex },
  deployment: deploymentObject('deployment'),
  resourcegroup: deploymentObject('resourceGroup'),
  subscription: deploymentObject('subscription'),
  tenant: deploymentObject('tenant'),
  managementgroup: deploymentObject('managementGroup'),
  environment: deploymentObject('environment'),
  // reference(x, apiVersion, 'Full') wraps the properties in the whole resource: left unknown.
  reference: { minArgs: 1, maxArgs: 3, handlesUnknown: true, fn: (args, ctx) => (args.length === 3 ? unknown('reference(…, \'Full\') is known only after deployment', ctx.site) : ctx.scope.reference(args[0] as Val, ctx.site)) },
  utcnow: deploymentOnly('utcNow', 0, 1),
  newguid: deploymentOnly('newGuid', 0, 0),
  pickzones: deploymentOnly('pickZones', 3, 5),
  providers: deploymentOnly('providers', 1, 2),
  deployer: deploymentOnly('deployer', 0, 0),
};
