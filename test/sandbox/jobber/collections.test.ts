import { decodeId } from '../../../sandbox/jobber/core/ids';
import {
  COLLECTION_NAMES,
  COLLECTIONS,
  emptyCollections,
  isCollectionName,
  referencesOf,
  referencesTo,
} from '../../../sandbox/jobber/data/collections';
import { buildSandboxSchema } from '../../../sandbox/jobber/graphql/schema';
import { dumpCollection } from '../../../sandbox/jobber/server/records-dump';
import { tinyAccount } from './support';

/**
 * The registry of record collections (sandbox/jobber/data/collections.ts) is the one list of what
 * the sandbox stores: the account's storage, the dump and the control API follow it, and it agrees
 * with the records the generator makes and the schema GraphQL serves.
 */
const NOW = Date.UTC(2026, 5, 15, 18);
const account = tinyAccount(NOW);
account.ensureTimeSheets();
const schema = buildSandboxSchema();

describe('the registry of record collections', () => {
  it('is what an account stores, nothing more, nothing less', () => {
    expect(Object.keys(account.records).sort()).toEqual([...COLLECTION_NAMES].sort());
    expect(Object.keys(emptyCollections()).sort()).toEqual([...COLLECTION_NAMES].sort());
    expect(isCollectionName('invoices')).toBe(true);
    expect(isCollectionName('toString')).toBe(false);
  });

  it('points every reference at a collection, with a key the records carry', () => {
    for (const name of COLLECTION_NAMES) {
      const sample = account.records[name][0];
      expect(`${name}: ${sample ? 'has records' : 'empty'}`).toBe(`${name}: has records`);
      for (const reference of referencesOf(name)) {
        expect(`${name}.${reference.key} → ${String(isCollectionName(reference.to))}`).toBe(
          `${name}.${reference.key} → true`,
        );
        expect(Object.keys(sample ?? {})).toContain(reference.key);
      }
    }
  });

  it('declares every key that holds ids of other records, so none leaves the dump as a bare number', () => {
    for (const name of COLLECTION_NAMES) {
      const declared = new Set(referencesOf(name).map((reference) => reference.key));
      const idKeys = Object.keys(account.records[name][0] ?? {}).filter((key) => /^\w+Ids?$/.test(key));
      expect({ name, undeclared: idKeys.filter((key) => !declared.has(key)) }).toEqual({
        name,
        undeclared: [],
      });
    }
  });

  it('names kinds the GraphQL schema serves, and the dump encodes ids and references with them', () => {
    for (const name of COLLECTION_NAMES) {
      const { kind } = COLLECTIONS[name];
      expect(schema.getType(kind) ?? schema.getType(`${kind}Interface`)).toBeDefined();
      const [first] = dumpCollection(account, name, NOW) as Record<string, unknown>[];
      expect(decodeId(String(first?.id))?.kind).toBe(kind);
      for (const reference of referencesOf(name)) {
        const value = first?.[reference.key];
        const ids = Array.isArray(value) ? value : value === null ? [] : [value];
        for (const id of ids) {
          const decoded = decodeId(String(id));
          expect(decoded?.kind).toBe(COLLECTIONS[reference.to].kind);
          expect(account.find(reference.to, decoded?.id)).toBeDefined();
        }
      }
    }
  });

  it('finds the references that point at a collection', () => {
    const toInvoices = referencesTo('invoices').map((reference) => `${reference.from}.${reference.key}`);
    expect(toInvoices.sort()).toEqual([
      'invoiceLineItems.invoiceId',
      'paymentRecords.invoiceId',
      'visits.invoiceId',
    ]);
  });
});
