import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plain } from '../expression/fake-scope.js';

function table(cases: [string, unknown][]): void {
  for (const [expr, expected] of cases) it(`${expr} → ${JSON.stringify(expected)}`, () => assert.deepEqual(plain(expr), expected));
}

describe('comparison, logical and numeric functions', () => {
  describe('equals', () => {
    table([
      ["equals('a', 'a')", true],
      ["equals('a', 'A')", false],
      ["equals(1, '1')", false],
      ["equals(createArray(1, createObject('a', 'b')), createArray(1, createObject('A', 'b')))", true],
      ["equals(createArray(1), createArray(1, 2))", false],
      ['equals(null(), null())', true],
      ['equals(resourceGroup().location, resourceGroup().location)', true],
      ["equals(resourceGroup().location, 'westeurope')", 'unknown: resourceGroup().location is known only at deployment'],
      ["equals(createArray(resourceGroup().location), createArray(1, 2))", false],
    ]);
  });

  describe('greater, less and friends', () => {
    table([
      ['greater(10, 5)', true],
      ["greater('A', 'a')", true],
      ["less('a', 'b')", true],
      ['greaterOrEquals(5, 5)', true],
      ['lessOrEquals(6, 5)', false],
      ["greater(1, 'a')", 'unknown: error: greater() compares two integers or two strings, not Integer and String'],
    ]);
  });

  describe('and, or, not, bool, true, false', () => {
    table([
      ['and(true(), true(), false())', false],
      ['and(true(), true())', true],
      ['or(false(), true())', true],
      ['or(false(), false())', false],
      ["and(false(), equals(resourceGroup().location, 'x'))", false],
      ["or(equals(resourceGroup().location, 'x'), true())", true],
      ["and(true(), equals(resourceGroup().location, 'x'))", 'unknown: resourceGroup().location is known only at deployment'],
      ['not(true())', false],
      ["bool('TRUE')", true],
      ["bool('false')", false],
      ['bool(0)', false],
      ['bool(1)', true],
      ["bool('yes')", "unknown: error: bool() cannot convert 'yes' to a boolean"],
    ]);
  });

  describe('int and arithmetic', () => {
    table([
      ["int('4')", 4],
      ["int(' -12 ')", -12],
      ["int('4.5')", "unknown: error: int() cannot convert '4.5' to an integer"],
      ['add(5, 3)', 8],
      ['sub(7, 3)', 4],
      ['mul(5, 3)', 15],
      ['div(8, 3)', 2],
      ['div(-8, 3)', -2],
      ['mod(7, 3)', 1],
      ['mod(-7, 3)', -1],
      ['div(1, 0)', 'unknown: error: div(): division by zero'],
      ["add(1, '2')", 'unknown: error: add() argument 2 must be an integer, not String'],
    ]);
  });
});
