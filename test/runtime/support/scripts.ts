import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../../sandbox/runtime';

/** Writes a small Apps Script project (one Code.js) to a temporary folder and returns its path. */
export function scriptFile(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'apps-script-'));
  const path = join(dir, 'Code.js');
  writeFileSync(path, source);
  return path;
}

/** A runtime for a test script; the manifest has no whitelist unless the options give one. */
export function runtimeFor(source: string, options: Omit<RuntimeOptions, 'bundlePath'> = {}): Runtime {
  return createRuntime({
    manifest: {},
    maxConcurrentExecutions: 4,
    ...options,
    bundlePath: scriptFile(source),
  });
}

export const ALICE = 'alice@example.com';
export const BOB = 'bob@example.com';
