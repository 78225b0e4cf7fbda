/**
 * Terraform uses RE2 syntax. The common subset maps onto JavaScript regular expressions;
 * anything else (possessive or unsupported constructs) returns undefined and the caller
 * makes the result unknown rather than guessing.
 */
export function toRegExp(pattern: string, flags: string): RegExp | undefined {
  let p = pattern;
  let f = flags;
  const lead = /^\(\?([imsU]+)\)/.exec(p);
  if (lead) {
    if (lead[1]!.includes('U')) return undefined;
    for (const c of lead[1]!) if (!f.includes(c)) f += c;
    p = p.slice(lead[0].length);
  }
  p = p.replace(/\(\?P</g, '(?<');
  if (/\\[pP]\{|\[\[:|\\[zCQE]/.test(p)) return undefined;
  try {
    return new RegExp(p, f + 'u');
  } catch {
    return undefined;
  }
}
