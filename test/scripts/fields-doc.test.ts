import { readFileSync } from 'node:fs';
import { CATALOG } from '../../src/catalog/catalog';
import { FIELDS_DOC_PATH, renderFieldsDoc } from '../../scripts/fields-doc';

describe('docs/fields.md', () => {
  it('is what the catalog generates (run "npm run docs" after changing a field)', () => {
    const committed = readFileSync(FIELDS_DOC_PATH, 'utf8');
    expect(committed === renderFieldsDoc() ? 'up to date' : 'stale: run "npm run docs"').toBe('up to date');
  });

  it('lists every field of every object with its type, kind and group', () => {
    const doc = renderFieldsDoc();
    for (const object of CATALOG) {
      expect(doc).toContain(`## ${object.label} <a id="${object.id.toLowerCase()}"></a>`);
      const section = doc.slice(doc.indexOf(`## ${object.label} `));
      for (const field of object.fields) expect(section).toContain(`| \`${field.id}\` | ${field.label} | `);
    }
  });
});
