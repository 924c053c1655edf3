import { execFileSync } from 'node:child_process';
import { ROOT } from '../support/paths';

const ENTRIES = ['getAuthType', 'getData'];

/** Runs the rollup plugin's renderChunk on a made-up bundle; returns its output or its error. */
function renderChunk(code: string): { code?: string; error?: string } {
  const script = `
    import('./rollup.config.mjs').then(({ appsScriptGlobals }) => {
      const plugin = appsScriptGlobals(${JSON.stringify(ENTRIES)});
      try {
        const out = plugin.renderChunk.call({ error(message) { throw new Error(message); } }, ${JSON.stringify(code)});
        console.log(JSON.stringify({ code: out.code }));
      } catch (error) {
        console.log(JSON.stringify({ error: error.message }));
      }
    });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })) as {
    code?: string;
    error?: string;
  };
}

describe('the build guard in rollup.config.mjs', () => {
  it('strips the export line when every entry point is a top-level function', () => {
    const result = renderChunk(
      'function getAuthType() {}\nfunction getData() {}\nexport { getAuthType, getData };\n',
    );
    expect(result.error).toBeUndefined();
    expect(result.code).toBe('function getAuthType() {}\nfunction getData() {}\n');
  });

  it('fails with a clear message when an entry point is missing', () => {
    const result = renderChunk('function getAuthType() {}\nexport { getAuthType };\n');
    expect(result.error).toContain('entry point getData is not exported from src/main.ts');
  });

  it('fails when an entry point is an arrow function', () => {
    const result = renderChunk(
      'function getAuthType() {}\nconst getData = () => 1;\nexport { getAuthType, getData };\n',
    );
    expect(result.error).toContain('entry point getData is not a top-level function declaration');
  });

  it('fails when an entry point is exported under another name', () => {
    const result = renderChunk(
      'function getAuthType() {}\nfunction getData$1() {}\nexport { getAuthType, getData$1 as getData };\n',
    );
    expect(result.error).toContain('exported under another name');
  });

  it('fails when module syntax is left over', () => {
    const result = renderChunk(
      "import x from 'y';\nfunction getAuthType() {}\nfunction getData() {}\nexport { getAuthType, getData };\n",
    );
    expect(result.error).toContain('module syntax left in the bundle');
  });
});
