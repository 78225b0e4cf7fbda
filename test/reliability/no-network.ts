import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import dns from 'node:dns';

type Patchable = Record<string, unknown>;

/**
 * Runs `body` with every way Node reaches the network replaced by a recorder, and returns what
 * was attempted (empty when nothing was). The originals are restored even when `body` throws.
 */
export function networkCallsDuring(body: () => void): string[] {
  const calls: string[] = [];
  const targets: [Patchable, string, string][] = [
    [globalThis as unknown as Patchable, 'fetch', 'fetch'],
    [http as unknown as Patchable, 'request', 'http.request'],
    [http as unknown as Patchable, 'get', 'http.get'],
    [https as unknown as Patchable, 'request', 'https.request'],
    [https as unknown as Patchable, 'get', 'https.get'],
    [net as unknown as Patchable, 'connect', 'net.connect'],
    [net as unknown as Patchable, 'createConnection', 'net.createConnection'],
    [tls as unknown as Patchable, 'connect', 'tls.connect'],
    [dns as unknown as Patchable, 'lookup', 'dns.lookup'],
  ];
  const saved = targets.map(([obj, key]) => obj[key]);
  for (const [obj, key, name] of targets) {
    obj[key] = (...args: unknown[]) => {
      calls.push(`${name}(${String(args[0])})`);
      throw new Error(`network access during lint: ${name}`);
    };
  }
  try {
    body();
  } finally {
    targets.forEach(([obj, key], i) => (obj[key] = saved[i]));
  }
  return calls;
}
