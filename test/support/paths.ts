import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const DIST_CODE = join(ROOT, 'dist', 'Code.js');
export const DIST_MANIFEST = join(ROOT, 'dist', 'appsscript.json');
export const BUILD = join(ROOT, 'build');

export interface PackageJson {
  scripts: Record<string, string>;
  repository: { url: string };
}

export function readPackageJson(): PackageJson {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
}
