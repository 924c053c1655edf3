import {
  emptyRecords,
  mergeSelections,
  missingColumns,
  nodeAt,
  pathsOf,
  retain,
  selectionOf,
  upsert,
  withSelection,
  type Records,
} from '../../src/replica/columns';

const invoiceSelection = selectionOf([
  'id',
  'invoiceNumber',
  'amounts.total',
  'amounts.invoiceBalance',
  'client.name',
  'lineItems.nodes.name',
]);

function invoices(): Records {
  return upsert(
    withSelection(emptyRecords(), invoiceSelection),
    [
      {
        id: 'I1',
        invoiceNumber: '1',
        amounts: { total: 10, invoiceBalance: 0 },
        client: { name: 'Ann' },
        lineItems: { nodes: [{ name: 'Mow' }] },
      },
      {
        id: 'I2',
        invoiceNumber: '2',
        amounts: { total: 20, invoiceBalance: 5 },
        client: null,
        lineItems: { nodes: [] },
      },
    ],
    { keys: Object.keys(invoiceSelection), insert: true },
  );
}

describe('replica columns', () => {
  it('groups selection paths by the top-level field they read', () => {
    expect(invoiceSelection).toEqual({
      amounts: ['amounts.invoiceBalance', 'amounts.total'],
      client: ['client.name'],
      id: ['id'],
      invoiceNumber: ['invoiceNumber'],
      lineItems: ['lineItems.nodes.name'],
    });
    expect(pathsOf(invoiceSelection, ['amounts'])).toEqual(['amounts.invoiceBalance', 'amounts.total']);
  });

  it('rebuilds each record as the node Jobber answered', () => {
    const records = invoices();
    expect(records.ids).toEqual(['I1', 'I2']);
    expect(nodeAt(records, 1)).toEqual({
      id: 'I2',
      invoiceNumber: '2',
      amounts: { total: 20, invoiceBalance: 5 },
      client: null,
      lineItems: { nodes: [] },
    });
    expect(Object.keys(records.columns)).not.toContain('id');
  });

  it('replaces the carried columns of known records and adds new records only when allowed', () => {
    const records = invoices();
    const changed = upsert(
      records,
      [
        { id: 'I2', amounts: { total: 25, invoiceBalance: 0 } },
        { id: 'I3', amounts: { total: 1, invoiceBalance: 1 } },
      ],
      { keys: ['amounts'], insert: false },
    );
    expect(changed.ids).toEqual(['I1', 'I2']);
    expect(nodeAt(changed, 1)['amounts']).toEqual({ total: 25, invoiceBalance: 0 });
    expect(nodeAt(changed, 1)['invoiceNumber']).toBe('2');
    expect(nodeAt(records, 1)['amounts']).toEqual({ total: 20, invoiceBalance: 5 });

    const added = upsert(records, [{ id: 'I3', invoiceNumber: '3', amounts: null }], {
      keys: Object.keys(invoiceSelection),
      insert: true,
    });
    expect(added.ids).toEqual(['I1', 'I2', 'I3']);
    expect(nodeAt(added, 2)).toMatchObject({ id: 'I3', invoiceNumber: '3', client: null, lineItems: null });
  });

  it('refuses a node without an id', () => {
    expect(() =>
      upsert(invoices(), [{ invoiceNumber: '9' }], { keys: ['invoiceNumber'], insert: true }),
    ).toThrow(/without an id/);
  });

  it('keeps records by position, columns aligned', () => {
    const kept = retain(invoices(), (index) => index === 1);
    expect(kept.ids).toEqual(['I2']);
    expect(nodeAt(kept, 0)['invoiceNumber']).toBe('2');
  });

  it('names the columns a request needs that the replica lacks or holds with fewer paths', () => {
    const wanted = selectionOf(['id', 'amounts.total', 'amounts.tipsTotal', 'dueDate', 'client.name']);
    expect(missingColumns(invoiceSelection, wanted)).toEqual(['amounts', 'dueDate']);
    expect(mergeSelections(invoiceSelection, wanted)['amounts']).toEqual([
      'amounts.invoiceBalance',
      'amounts.tipsTotal',
      'amounts.total',
    ]);
  });
});
