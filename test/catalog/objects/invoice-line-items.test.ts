import { invoiceLineItems } from '../../../src/catalog/objects/invoice-line-items';
import { documentFor, rowsOf } from './helpers';

const invoice = {
  id: 'SW52b2ljZS8x',
  invoiceNumber: '1042',
  invoiceStatus: 'paid',
  issuedDate: '2024-05-01T06:00:00Z',
  dueDate: '2024-05-31T06:00:00Z',
  createdAt: '2024-05-01T05:30:00Z',
  updatedAt: '2024-05-02T16:04:05Z',
  client: { id: 'Q2xpZW50LzE=', name: 'Acme Lawns' },
  lineItems: {
    nodes: [
      {
        id: 'TGluZS8x',
        name: 'Mowing',
        description: 'Weekly mowing',
        category: 'Service',
        taxable: true,
        quantity: 4,
        unitPrice: 45,
        totalPrice: 180,
        date: '2024-04-30T06:00:00Z',
        taxRate: { name: 'GST' },
        linkedProductOrService: { id: 'UHJvZHVjdC83', name: 'Mowing' },
      },
      {
        id: 'TGluZS8y',
        name: 'Mulch',
        quantity: 2,
        unitPrice: 10,
        totalPrice: 20,
        linkedProductOrService: null,
      },
    ],
    pageInfo: { hasNextPage: false, endCursor: null },
  },
};

describe('invoice line items', () => {
  it('yields one row per line, each carrying its invoice’s key fields', () => {
    const rows = rowsOf(invoiceLineItems, [invoice]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      lineItemId: 'TGluZS8x',
      name: 'Mowing',
      quantity: 4,
      unitPrice: 45,
      totalPrice: 180,
      serviceDate: '20240430',
      taxRateName: 'GST',
      productId: 'UHJvZHVjdC83',
      invoiceId: 'SW52b2ljZS8x',
      invoiceNumber: '1042',
      invoiceStatus: 'Paid',
      issuedDate: '20240501',
      dueDate: '20240531',
      invoiceCreatedAt: '20240430233000',
      clientName: 'Acme Lawns',
      lineItemCount: 1,
    });
    expect(rows[1]).toMatchObject({
      name: 'Mulch',
      productName: null,
      invoiceNumber: '1042',
      clientId: 'Q2xpZW50LzE=',
    });
  });

  it('yields no rows for an invoice without lines', () => {
    expect(rowsOf(invoiceLineItems, [{ ...invoice, lineItems: { nodes: [] } }])).toEqual([]);
  });

  it('reads line fields inside the invoice’s lineItems connection, with its page info', () => {
    expect(documentFor(invoiceLineItems, ['invoiceNumber', 'totalPrice'])).toContain(
      'nodes { id lineItems(first: 20) { nodes { __typename totalPrice } pageInfo { hasNextPage endCursor } } invoiceNumber }',
    );
  });

  it('still reads the lines when only invoice fields are asked for (a line count per invoice)', () => {
    expect(documentFor(invoiceLineItems, ['invoiceNumber', 'lineItemCount'])).toContain(
      'lineItems(first: 20) { nodes { __typename }',
    );
  });
});
