/**
 * Code in this folder runs inside each execution's vm context (loaded by worker/module-loader.ts),
 * so every object a script sees belongs to the script's own realm. It reaches the worker only
 * through the NativeBridge, and must import nothing but its own files and types.
 */
import type { ExecutionSettings, HostReply, HostRequest } from '../protocol';

/** Worker-side functions the services call: host requests, logging, time and byte codecs. */
export interface NativeBridge {
  /** Sends a request to the host and blocks until it answers; returns the HostReply as JSON text. */
  call(requestJson: string): string;
  log(level: string, message: string): void;
  now(): number;
  base64Encode(bytes: Uint8Array, webSafe: boolean): string;
  /** Null when the text is not base64. */
  base64Decode(text: string, webSafe: boolean): Uint8Array | null;
  encodeText(text: string, charset: string): Uint8Array;
  decodeText(bytes: Uint8Array, charset: string): string;
  digest(algorithm: string, bytes: Uint8Array): Uint8Array;
  hmac(algorithm: string, bytes: Uint8Array, key: Uint8Array): Uint8Array;
  /** Null when the key is not a PEM private key. */
  rsaSha256Sign(bytes: Uint8Array, pemKey: string): Uint8Array | null;
  gzip(bytes: Uint8Array): Uint8Array;
  /** Null when the bytes are not gzip. */
  gunzip(bytes: Uint8Array): Uint8Array | null;
  uuid(): string;
}

let connection: { native: NativeBridge; settings: ExecutionSettings } | null = null;

export function connect(native: NativeBridge, settings: ExecutionSettings): void {
  connection = { native, settings };
}

export function native(): NativeBridge {
  if (!connection) throw new Error('Apps Script services used before the runtime connected them');
  return connection.native;
}

export function settings(): ExecutionSettings {
  if (!connection) throw new Error('Apps Script services used before the runtime connected them');
  return connection.settings;
}

/** An Apps Script service exception: `e.name` is "Exception", as in Apps Script's V8 runtime. */
export function exception(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

/** Asks the host; a refusal becomes an Apps Script exception with the host's text. */
export function callHost(request: HostRequest): unknown {
  const reply = JSON.parse(native().call(JSON.stringify(request))) as HostReply;
  if (!reply.ok) throw exception(reply.message);
  return reply.value;
}

export function requireArgument(value: unknown, name: string): void {
  if (value === undefined || value === null) throw exception(`Invalid argument: ${name}`);
}
