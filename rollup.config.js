// Bundles src/main.ts into dist/Code.js: one readable script whose entry points are top-level
// function declarations, as Apps Script requires, plus dist/appsscript.json for clasp.
// CommonJS, like the rest of the package ("type": "commonjs"): `rollup -c rollup.config.js`.
const { readFileSync } = require('node:fs');
const typescript = require('@rollup/plugin-typescript');

const ENTRY_POINTS = [
  'getAuthType',
  'isAuthValid',
  'resetAuth',
  'get3PAuthorizationUrls',
  'authCallback',
  'isAdminUser',
  'getConfig',
  'getSchema',
  'getData',
  'doGet',
  'doPost',
];

/** Turns the ES module rollup writes into an Apps Script file, or fails the build saying why. */
function appsScriptGlobals(entryPoints) {
  return {
    name: 'apps-script-globals',
    /** The entry points the guard requires (the tests read them here: one list). */
    entryPoints,
    renderChunk(code) {
      const exportLine = code.match(/^export\s*\{([^}]*)\};?[ \t]*$/m);
      const exported = exportLine
        ? exportLine[1]
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean)
        : [];
      const problems = [];
      for (const name of exported) {
        if (/\sas\s/.test(name))
          problems.push(
            `"${name}" is exported under another name; Apps Script calls functions by their own name`,
          );
      }
      for (const name of entryPoints) {
        if (!exported.includes(name)) problems.push(`entry point ${name} is not exported from src/main.ts`);
        else if (!new RegExp(`^function ${name}\\(`, 'm').test(code))
          problems.push(
            `entry point ${name} is not a top-level function declaration (an arrow or const is not callable by name)`,
          );
      }
      const stripped = exportLine ? code.replace(exportLine[0], '').trimEnd() + '\n' : code;
      const leftover = stripped.match(/^\s*(import\s.+from\s|import\s*['"]|export\s|.*\brequire\()/m);
      if (leftover) problems.push(`module syntax left in the bundle: ${leftover[0].trim()}`);
      if (problems.length > 0)
        this.error(`dist/Code.js would not run in Apps Script:\n  - ${problems.join('\n  - ')}`);
      return { code: stripped, map: null };
    },
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'appsscript.json',
        source: readFileSync('appsscript.json', 'utf8'),
      });
    },
  };
}

module.exports = {
  input: 'src/main.ts',
  output: {
    file: 'dist/Code.js',
    format: 'es',
    banner:
      '// Jobber connector for Looker Studio. Built from src/ by rollup; edit the TypeScript, not this file.',
  },
  treeshake: { moduleSideEffects: false },
  plugins: [
    typescript({
      tsconfig: './tsconfig.json',
      noEmit: false,
      outDir: 'dist',
      rootDir: 'src',
      sourceMap: false,
      noEmitOnError: true,
    }),
    appsScriptGlobals(ENTRY_POINTS),
  ],
};
