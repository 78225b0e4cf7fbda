/*
 * The replacement of replace("/…/"), expanded as Go's Regexp.Expand: `$$` is a dollar; `$name` and
 * `${name}` name a group by number or name, where a name is the longest run of letters, digits and
 * underscores (so `$1x` is the group named "1x", not group 1 then "x"); a group that does not exist
 * or took no part gives ""; a `$` that starts no valid reference stays as it is.
 */

/** Literal text, or the index of the group to insert (-1: a group that does not exist). */
export type TemplatePiece = string | number;

/** Go's `unicode.IsLetter || unicode.IsDigit || '_'`. */
const NAME_CHAR = /[\p{L}\p{Nd}_]/u;

export function parseTemplate(template: string, byName: ReadonlyMap<string, number>): readonly TemplatePiece[] {
  const pieces: TemplatePiece[] = [];
  let literal = '';
  let i = 0;
  while (i < template.length) {
    const dollar = template.indexOf('$', i);
    if (dollar < 0) {
      literal += template.slice(i);
      break;
    }
    literal += template.slice(i, dollar);
    if (template[dollar + 1] === '$') {
      literal += '$';
      i = dollar + 2;
      continue;
    }
    const ref = reference(template, dollar + 1);
    if (!ref) {
      literal += '$';
      i = dollar + 1;
      continue;
    }
    if (literal) pieces.push(literal);
    literal = '';
    pieces.push(groupIndex(ref.name, byName));
    i = ref.next;
  }
  if (literal) pieces.push(literal);
  return pieces;
}

/** The name after a `$` at `from` and where the text after the reference starts. */
function reference(template: string, from: number): { name: string; next: number } | undefined {
  const brace = template[from] === '{';
  const start = brace ? from + 1 : from;
  let end = start;
  while (end < template.length) {
    const ch = String.fromCodePoint(template.codePointAt(end)!);
    if (!NAME_CHAR.test(ch)) break;
    end += ch.length;
  }
  if (end === start) return undefined;
  if (!brace) return { name: template.slice(start, end), next: end };
  if (template[end] !== '}') return undefined;
  return { name: template.slice(start, end), next: end + 1 };
}

function groupIndex(name: string, byName: ReadonlyMap<string, number>): number {
  // A number is at most nine ASCII digits without a leading zero, as in Go; anything else is a name.
  if (/^(?:0|[1-9][0-9]{0,8})$/.test(name)) return Number(name);
  return byName.get(name) ?? -1;
}

/**
 * The text with each match replaced; `spans` are Go's submatch positions per match.
 * Undefined as soon as the result would be longer than `maxLength`.
 */
export function expandTemplate(text: string, matches: readonly (readonly number[])[], pieces: readonly TemplatePiece[], maxLength: number): string | undefined {
  const parts: string[] = [];
  let length = 0;
  const add = (s: string): boolean => {
    parts.push(s);
    length += s.length;
    return length <= maxLength;
  };
  let last = 0;
  for (const spans of matches) {
    const start = spans[0]!;
    const end = spans[1]!;
    if (!add(text.slice(last, start))) return undefined;
    for (const piece of pieces) {
      if (typeof piece === 'string') {
        if (!add(piece)) return undefined;
        continue;
      }
      const from = spans[2 * piece] ?? -1;
      const to = spans[2 * piece + 1] ?? -1;
      if (piece >= 0 && from >= 0 && to >= 0 && !add(text.slice(from, to))) return undefined;
    }
    last = end;
  }
  return add(text.slice(last)) ? parts.join('') : undefined;
}
