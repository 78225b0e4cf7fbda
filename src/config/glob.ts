/**
 * Globs for the config file's `paramFiles` keys, matched against forward-slash paths
 * relative to the config file's directory: `*` and `?` stay within one path segment,
 * `**` spans segments, `{a,b}` is alternation (nestable 32 deep; an unclosed `{` is a literal). A
 * pattern without a slash matches the file name at any depth, as in `.gitignore`.
 *
 * The config file comes with the repository, so its globs are input like any other. Regular
 * expressions built from globs (hand-made, or picomatch's) backtrack: `**` + `*a*a*a*a*a*a*a*b`
 * against a long name took minutes. A glob is therefore compiled to a small automaton and run
 * by keeping the set of states it can be in (as RE2 does), in time linear in the path's length
 * times the glob's.
 */

type Op =
  | { readonly op: 'char'; readonly c: string }
  /** Any character but `/` (`?`, and the loop of `*`). */
  | { readonly op: 'segment-char' }
  /** Any character (the loop of `**`). */
  | { readonly op: 'any-char' }
  /** Continue at both targets. */
  | { readonly op: 'split'; readonly to: readonly [number, number] }
  | { readonly op: 'jump'; readonly to: number };

type Node =
  | { readonly kind: 'char'; readonly c: string }
  | { readonly kind: 'question' | 'star' | 'globstar' | 'globstar-slash' }
  | { readonly kind: 'alternatives'; readonly options: readonly Node[][] };

export interface GlobMatcher {
  /** Whether the whole of `relPath` matches. */
  test(relPath: string): boolean;
}

export function compileGlob(glob: string): GlobMatcher {
  const anchored = glob.includes('/') ? glob.replace(/^\.?\//, '') : `**/${glob}`;
  const program: Op[] = [];
  emit(parse(anchored), program);
  return { test: (relPath) => run(program, relPath) };
}

export function matchesGlob(relPath: string, glob: string): boolean {
  return compileGlob(glob).test(relPath);
}

/** Braces nest at most this deep; beyond it (no real glob comes near) braces are literals. */
const MAX_NESTING = 32;

/** The glob as a sequence; braces that never close, and `,`/`}` outside braces, are literals. */
function parse(glob: string): Node[] {
  const closing = matchingBraces(glob);
  let i = 0;
  const sequence = (inBraces: boolean): Node[] => {
    const nodes: Node[] = [];
    while (i < glob.length) {
      const c = glob[i]!;
      if (inBraces && (c === ',' || c === '}')) return nodes;
      if (c === '*' && glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        nodes.push({ kind: slash ? 'globstar-slash' : 'globstar' });
        i += slash ? 3 : 2;
      } else if (c === '*') {
        nodes.push({ kind: 'star' });
        i++;
      } else if (c === '?') {
        nodes.push({ kind: 'question' });
        i++;
      } else if (c === '{' && closing.has(i)) {
        i++;
        const options = [sequence(true)];
        while (glob[i] === ',') {
          i++;
          options.push(sequence(true));
        }
        i++; // the closing brace
        nodes.push({ kind: 'alternatives', options });
      } else {
        nodes.push({ kind: 'char', c });
        i++;
      }
    }
    return nodes;
  };
  return sequence(false);
}

/** The positions of the `{` that have a matching `}`; none if they nest too deep. */
function matchingBraces(glob: string): Set<number> {
  const open: number[] = [];
  const matched = new Set<number>();
  for (let j = 0; j < glob.length; j++) {
    if (glob[j] === '{') {
      open.push(j);
      if (open.length > MAX_NESTING) return new Set();
    } else if (glob[j] === '}' && open.length > 0) matched.add(open.pop()!);
  }
  return matched;
}

function emit(nodes: readonly Node[], program: Op[]): void {
  for (const node of nodes) {
    switch (node.kind) {
      case 'char':
        program.push({ op: 'char', c: node.c });
        break;
      case 'question':
        program.push({ op: 'segment-char' });
        break;
      case 'star':
      case 'globstar':
        loop(program, node.kind === 'star' ? { op: 'segment-char' } : { op: 'any-char' });
        break;
      case 'globstar-slash': {
        // Zero or more whole segments: optionally, any characters and then a slash.
        const split = program.push({ op: 'jump', to: -1 }) - 1;
        loop(program, { op: 'any-char' });
        program.push({ op: 'char', c: '/' });
        program[split] = { op: 'split', to: [split + 1, program.length] };
        break;
      }
      case 'alternatives': {
        const exits: number[] = [];
        node.options.forEach((option, n) => {
          const last = n === node.options.length - 1;
          const split = last ? -1 : program.push({ op: 'jump', to: -1 }) - 1;
          emit(option, program);
          if (!last) {
            exits.push(program.push({ op: 'jump', to: -1 }) - 1);
            program[split] = { op: 'split', to: [split + 1, program.length] };
          }
        });
        for (const exit of exits) program[exit] = { op: 'jump', to: program.length };
        break;
      }
    }
  }
}

/** `x*`: try `x` and come back, or go on. */
function loop(program: Op[], x: Op): void {
  const split = program.push({ op: 'jump', to: -1 }) - 1;
  program.push(x, { op: 'jump', to: split });
  program[split] = { op: 'split', to: [split + 1, program.length] };
}

/** Runs every state at once, one character at a time: no state is visited twice per character. */
function run(program: readonly Op[], input: string): boolean {
  // The states reachable from `from` without reading a character; a stack, not recursion, so a
  // long glob cannot exhaust the call stack.
  const add = (states: Set<number>, from: number): void => {
    const pending = [from];
    while (pending.length > 0) {
      const pc = pending.pop()!;
      if (states.has(pc)) continue;
      states.add(pc);
      const op = program[pc];
      if (op?.op === 'jump') pending.push(op.to);
      else if (op?.op === 'split') pending.push(op.to[1], op.to[0]);
    }
  };
  let current = new Set<number>();
  add(current, 0);
  // UTF-16 units, as the glob is read.
  for (let k = 0; k < input.length; k++) {
    const c = input[k];
    const next = new Set<number>();
    for (const pc of current) {
      const op = program[pc];
      if (op === undefined) continue;
      if ((op.op === 'char' && op.c === c) || (op.op === 'segment-char' && c !== '/') || op.op === 'any-char') add(next, pc + 1);
    }
    if (next.size === 0) return false;
    current = next;
  }
  return current.has(program.length);
}
