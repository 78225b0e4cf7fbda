// The three languages as ESLint languages: traversal order, parents and locations seen by any rule.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import plugin from '../../src/index.js';
import { VIRTUAL_DIR } from './rule-tester.js';

interface Seen {
  readonly events: string[];
}

/** A rule that records every node it enters and leaves, with its parent's type and its location. */
function recorder(seen: Seen) {
  return {
    meta: { type: 'problem' as const, schema: [] },
    create(context: { sourceCode: { getParent(n: object): { type: string } | undefined; getLoc(n: object): { start: { line: number; column: number } } } }) {
      const describe = (node: { type: string }) => {
        const { line, column } = context.sourceCode.getLoc(node).start;
        return `${node.type}@${line}:${column}<${context.sourceCode.getParent(node)?.type ?? '-'}`;
      };
      return {
        '*': (node: { type: string }) => seen.events.push(describe(node)),
        '*:exit': (node: { type: string }) => seen.events.push(`/${node.type}`),
      };
    },
  };
}

function walk(language: 'azure-backup/arm' | 'azure-backup/hcl' | 'azure-backup/bicep', filename: string, text: string): string[] {
  const seen: Seen = { events: [] };
  const config = [
    {
      files: ['**/*.json', '**/*.tf', '**/*.bicep'],
      plugins: { 'azure-backup': plugin, test: { rules: { record: recorder(seen) } } },
      language,
      rules: { 'test/record': 'error' },
    },
  ];
  assert.deepEqual(new Linter().verify(text, config as unknown as Linter.Config[], { filename: `${VIRTUAL_DIR}/${filename}` }), []);
  return seen.events;
}

describe('languages', () => {
  it('arm: a Document root spanning the file, then jsonc-parser nodes in source order with parents', () => {
    assert.deepEqual(walk('azure-backup/arm', 'walk/a.json', '// c\n{ "a": [1, true] }'), [
      'Document@1:1<-',
      'object@2:1<Document',
      'property@2:3<object',
      'string@2:3<property',
      '/string',
      'array@2:8<property',
      'number@2:9<array',
      '/number',
      'boolean@2:12<array',
      '/boolean',
      '/array',
      '/property',
      '/object',
      '/Document',
    ]);
  });

  it('hcl: File, Body, Block, labels, attributes and expressions in source order with parents', () => {
    assert.deepEqual(walk('azure-backup/hcl', 'walk/main.tf', '# c\nlocals {\n  x = var.y\n}\n'), [
      'File@1:1<-',
      'Body@1:1<File',
      'Block@2:1<Body',
      'Identifier@2:1<Block',
      '/Identifier',
      'Body@2:8<Block',
      'Attribute@3:3<Body',
      'Identifier@3:3<Attribute',
      '/Identifier',
      'GetAttr@3:7<Attribute',
      'Variable@3:7<GetAttr',
      '/Variable',
      'Identifier@3:11<GetAttr',
      '/Identifier',
      '/GetAttr',
      '/Attribute',
      '/Body',
      '/Block',
      '/Body',
      '/File',
    ]);
  });

  it('bicep: a Program root spanning the file, then Bicep syntax nodes in source order with parents', () => {
    assert.deepEqual(walk('azure-backup/bicep', 'walk/main.bicep', '// c\n@minValue(1)\nparam n int = 2\n'), [
      'Program@1:1<-',
      'ParameterDeclaration@2:1<Program',
      'Decorator@2:1<ParameterDeclaration',
      'FunctionCall@2:2<Decorator',
      'Identifier@2:2<FunctionCall',
      '/Identifier',
      'FunctionArgument@2:11<FunctionCall',
      'IntegerLiteral@2:11<FunctionArgument',
      '/IntegerLiteral',
      '/FunctionArgument',
      '/FunctionCall',
      '/Decorator',
      'Identifier@3:7<ParameterDeclaration',
      '/Identifier',
      'TypeVariableAccess@3:9<ParameterDeclaration',
      'Identifier@3:9<TypeVariableAccess',
      '/Identifier',
      '/TypeVariableAccess',
      'ParameterDefaultValue@3:13<ParameterDeclaration',
      'IntegerLiteral@3:15<ParameterDefaultValue',
      '/IntegerLiteral',
      '/ParameterDefaultValue',
      '/ParameterDeclaration',
      '/Program',
    ]);
  });
});
