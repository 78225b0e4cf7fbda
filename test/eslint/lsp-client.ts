// A minimal Language Server Protocol client over stdio, enough to drive the ESLint language
// server the way VS Code's ESLint extension does: open and edit documents, answer the server's
// requests, pull diagnostics (the server offers only pull diagnostics, `textDocument/diagnostic`,
// which VS Code requests after each open and change).
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Diagnostic {
  readonly range: { readonly start: Position; readonly end: Position };
  readonly message: string;
  readonly severity?: number;
  readonly code?: string | number;
  readonly codeDescription?: { readonly href: string };
  readonly source?: string;
}

interface Message {
  readonly jsonrpc: '2.0';
  readonly id?: number | string;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
}

type RequestHandler = (params: unknown) => unknown;

const HEADER_END = '\r\n\r\n';

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly handlers = new Map<string, RequestHandler>();
  private readonly documents = new Map<string, { version: number; text: string }>();
  /** The server's log and stderr, for failure messages: a misconfigured server says why only there. */
  readonly log: string[] = [];
  private readonly exited: Promise<void>;

  constructor(command: string, args: readonly string[], cwd: string) {
    this.child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => this.log.push(chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    this.exited.then(() => {
      for (const { reject } of this.pending.values()) reject(new Error(`language server exited\n${this.log.join('\n')}`));
      this.pending.clear();
    });
  }

  /** Answers the server's requests of `method`; unknown requests get a `null` result, as clients that lack a feature do. */
  onRequest(method: string, handler: RequestHandler): void {
    this.handlers.set(method, handler);
  }

  /** The result of a request, or a rejection after `ms` that carries the server's log. */
  request(method: string, params: unknown, ms: number): Promise<unknown> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within ${ms} ms\nserver log:\n${this.log.join('\n')}`));
      }, ms);
      this.pending.set(id, {
        resolve: (value) => (clearTimeout(timer), resolve(value)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  open(uri: string, languageId: string, text: string): void {
    this.documents.set(uri, { version: 1, text });
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole buffer, as a client with full document sync does. */
  change(uri: string, text: string): void {
    const version = this.documents.get(uri)!.version + 1;
    this.documents.set(uri, { version, text });
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** The buffer of an open document. */
  text(uri: string): string {
    return this.documents.get(uri)!.text;
  }

  /** The diagnostics of the document's current text. */
  async diagnostics(uri: string, ms: number): Promise<readonly Diagnostic[]> {
    const report = (await this.request('textDocument/diagnostic', { textDocument: { uri } }, ms)) as { kind: string; items: Diagnostic[] };
    assert.equal(report.kind, 'full');
    return report.items;
  }

  /** `shutdown` and `exit`, then a kill if the server is still there after `ms`: a test never leaves it running. */
  async stop(ms: number): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const killer = setTimeout(() => this.child.kill('SIGKILL'), ms);
    try {
      await Promise.race([this.request('shutdown', null, ms), this.exited]);
      this.notify('exit', null);
    } catch {
      this.child.kill('SIGKILL');
    }
    await this.exited;
    clearTimeout(killer);
  }

  private send(message: Message): void {
    if (!this.child.stdin.writable) return;
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}${HEADER_END}`, 'ascii'), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) return;
      const length = /Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'));
      if (!length) throw new Error(`LSP header without Content-Length: ${this.buffer.subarray(0, headerEnd).toString('ascii')}`);
      const start = headerEnd + HEADER_END.length;
      const end = start + Number(length[1]);
      // Content-Length counts bytes, and a chunk may end inside a message.
      if (this.buffer.length < end) return;
      const message = JSON.parse(this.buffer.subarray(start, end).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(end);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method === undefined) {
      const waiting = this.pending.get(Number(message.id));
      this.pending.delete(Number(message.id));
      if (message.error) waiting?.reject(new Error(`${message.error.code}: ${message.error.message}`));
      else waiting?.resolve(message.result);
      return;
    }
    if (message.id !== undefined) {
      const handler = this.handlers.get(message.method);
      this.send({ jsonrpc: '2.0', id: message.id, result: handler ? handler(message.params) : null });
      return;
    }
    if (message.method === 'window/logMessage' || message.method === 'window/showMessage') {
      this.log.push((message.params as { message: string }).message);
    }
  }
}
