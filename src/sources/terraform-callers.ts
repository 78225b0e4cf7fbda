import path from 'node:path';
import { childPath, type ProjectFs } from '../kernel/project-fs.js';

/**
 * A quoted string that starts as a local module source does (`"./net"`, `"../../modules/vm"`):
 * Terraform reads a module call's local path from such a literal only, in `.tf` and `.tf.json` alike.
 */
const LOCAL_SOURCE = /"(\.\.?\/[^"\r\n]*)"/g;

/** A Terraform configuration file of a module: `.tf` or `.tf.json`. */
export const CONFIG_FILE = /\.tf(\.json)?$/i;

/**
 * Which module directories of a run may call which, read from the text of every configuration
 * file discovery found: a string that names a local path counts as a call, wherever it stands,
 * so the callers found are never fewer than the real ones. A module's files are read by its own
 * unit and by every unit that calls it, directly or through other modules.
 */
export class ModuleCallers {
  /** Module directory → the directories whose files name it. */
  private readonly callers = new Map<string, Set<string>>();
  private readonly readers = new Map<string, ReadonlySet<string>>();

  constructor(
    dirs: readonly string[],
    fs: ProjectFs,
    /** The key of a module directory's unit. */
    private readonly unitKey: (dir: string) => string,
  ) {
    for (const dir of dirs) {
      for (const name of fs.list(dir)) {
        if (!CONFIG_FILE.test(name)) continue;
        const read = fs.peek(childPath(dir, name));
        if (!read.ok || !read.text.includes('./')) continue;
        for (const match of read.text.matchAll(LOCAL_SOURCE)) {
          const callee = path.resolve(dir, match[1]!);
          let set = this.callers.get(callee);
          if (!set) this.callers.set(callee, (set = new Set()));
          set.add(dir);
        }
      }
    }
  }

  /** The units that may read the files of module directory `dir`: its own and its callers', near and far. */
  readersOf(dir: string): ReadonlySet<string> {
    let readers = this.readers.get(dir);
    if (!readers) {
      const found = new Set([dir]);
      const queue = [dir];
      for (let i = 0; i < queue.length; i++) {
        for (const caller of this.callers.get(queue[i]!) ?? []) {
          if (found.has(caller)) continue;
          found.add(caller);
          queue.push(caller);
        }
      }
      this.readers.set(dir, (readers = new Set([...found].map(this.unitKey))));
    }
    return readers;
  }
}
