import { quoteLineItems } from '../../../src/catalog/objects/quote-line-items';
import { documentFor, rowsOf } from './helpers';

const quote = {
  id: 'UXVvdGUvMQ==',
  quoteNumber: '87',
  title: 'Fence repair',
  quoteStatus: 'converted',
  client: { id: 'Q2xpZW50LzE=', name: 'Acme Lawns' },
  createdAt: '2024-06-01T15:00:00Z',
  sentAt: '2024-06-03T15:00:00Z',
  updatedAt: '2024-06-04T15:00:00Z',
  lineItems: {
    nodes: [
      {
        id: 'TGluZS8x',
        name: 'Posts',
        quantity: 10,
        unitPrice: 30,
        totalPrice: 300,
        optional: false,
        textOnly: false,
        markup: 25,
      },
      {
        id: 'TGluZS8y',
        name: 'Stain',
        quantity: 1,
        unitPrice: 90,
        totalPrice: 90,
        optional: true,
        recommended: true,
        markup: null,
      },
    ],
  },
};

describe('quote line items', () => {
  it('yields one row per line with the quote’s number, status, dates and client', () => {
    const [posts, stain] = rowsOf(quoteLineItems, [quote]);
    expect(posts).toMatchObject({
      name: 'Posts',
      totalPrice: 300,
      optional: false,
      markup: 0.25,
      quoteNumber: '87',
      quoteStatus: 'Converted',
      quoteCreatedAt: '20240601090000',
      quoteSentAt: '20240603090000',
      clientName: 'Acme Lawns',
    });
    expect(stain).toMatchObject({ optional: true, recommended: true, markup: null, quoteNumber: '87' });
  });

  it('reads line fields inside the quote’s lineItems', () => {
    expect(documentFor(quoteLineItems, ['quoteStatus', 'optional'])).toContain(
      'nodes { id lineItems(first: 20) { nodes { __typename optional } pageInfo { hasNextPage endCursor } } quoteStatus }',
    );
  });
});
