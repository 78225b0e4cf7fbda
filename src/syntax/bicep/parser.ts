// Temporary: the port of Bicep's parser replaces this within the session (branch wt-bicep-parser).
import type { Diagnostic } from '../../kernel/diagnostic.js';
import type { Comment, Pragma, Program } from './ast.js';

export class Parser {
  readonly comments: Comment[] = [];
  readonly pragmas: Pragma[] = [];
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly text: string, readonly file: string, readonly params: boolean) {}
  program(): Program {
    return { type: 'Program', body: [], range: [0, this.text.length] };
  }
}
