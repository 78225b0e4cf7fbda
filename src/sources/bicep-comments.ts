import type { SourceComment } from '../kernel/comment.js';
import type { BicepParseResult } from '../syntax/bicep/index.js';

/**
 * The comments of a Bicep parse where suppressions are read: `//` and block comments (ESLint's
 * directive comments), and Bicep's pragmas, each with the rest of its line (the codes and a
 * trailing `// why`). `text` is the text that was parsed (offsets count from after a BOM, as the parser's do).
 */
export function bicepSourceComments(parse: Pick<BicepParseResult, 'comments' | 'pragmas'>, text: string): SourceComment[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const comments: SourceComment[] = parse.comments.map((c) => ({ kind: c.type === 'Line' ? 'line' : 'block', value: c.value, start: c.range[0], end: c.range[1] }));
  const pragmas: SourceComment[] = parse.pragmas.map((p) => ({ kind: 'pragma', value: restOfLine(text, p.range[0] + 1), start: p.range[0], end: p.range[1] }));
  return [...comments, ...pragmas].sort((a, b) => a.start - b.start);
}

function restOfLine(text: string, from: number): string {
  const end = text.slice(from).search(/[\r\n]/);
  return end < 0 ? text.slice(from) : text.slice(from, from + end);
}
