// Tests load dist/Code.js (the bundle clasp pushes) and build/ (the compiled stand-ins). A stale
// build would test old code, so stop with the command that fixes it.
const { existsSync, statSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

function newestMtime(dir, suffix) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory()
      ? newestMtime(path, suffix)
      : entry.name.endsWith(suffix)
        ? statSync(path).mtimeMs
        : 0;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

module.exports = async function requireFreshBuild() {
  const root = join(__dirname, '..', '..');
  const checks = [
    { built: join(root, 'dist'), suffix: 'Code.js', sources: ['src'] },
    { built: join(root, 'build'), suffix: '.js', sources: ['sandbox', 'bench', 'scripts'] },
  ];
  for (const { built, suffix, sources } of checks) {
    const builtAt = newestMtime(built, suffix);
    const newestSource = Math.max(...sources.map((dir) => newestMtime(join(root, dir), '.ts')));
    if (builtAt < newestSource) {
      throw new Error(
        `${built} is missing or older than ${sources.join(', ')}/. Run "npm run build" first (npm test does).`,
      );
    }
  }
};
