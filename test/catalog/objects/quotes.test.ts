import { quotes } from '../../../src/catalog/objects/quotes';
import { contextOn, documentFor, onlyRow } from './helpers';

const quote = {
  id: 'UXVvdGUvMQ==',
  quoteNumber: '87',
  title: 'Fence repair',
  quoteStatus: 'awaiting_response',
  client: { id: 'Q2xpZW50LzE=', name: 'Acme Lawns' },
  property: { address: { city: 'Boulder' } },
  request: null,
  createdAt: '2024-06-01T15:00:00Z',
  sentAt: '2024-06-03T15:00:00Z',
  transitionedAt: '2024-06-03T15:00:00Z',
  lastTransitioned: { approvedAt: null, changesRequestedAt: null, convertedAt: null },
  amounts: {
    subtotal: 1000,
    discountAmount: 0,
    taxAmount: 50,
    total: 1050,
    depositAmount: 200,
    outstandingDepositAmount: 200,
  },
};

describe('quotes', () => {
  it('formats the quote’s fields', () => {
    expect(onlyRow(quotes, quote)).toMatchObject({
      quoteNumber: '87',
      quoteTitle: 'Fence repair',
      quoteStatus: 'Awaiting response',
      propertyCity: 'Boulder',
      requestId: null,
      sentAt: '20240603090000',
      total: 1050,
      depositAmount: 200,
      quoteCount: 1,
    });
  });

  it('counts the pipeline while the quote awaits a response, and how long it has waited', () => {
    expect(onlyRow(quotes, quote, contextOn('2024-06-10'))).toMatchObject({
      pipelineValue: 1050,
      daysAwaitingResponse: 7,
    });
    const approved = {
      ...quote,
      quoteStatus: 'approved',
      lastTransitioned: { approvedAt: '2024-06-05T20:00:00Z' },
    };
    expect(onlyRow(quotes, approved)).toMatchObject({ pipelineValue: 0, daysAwaitingResponse: null });
  });

  it('marks approved and converted quotes as won and measures days to approval from sending', () => {
    const open = onlyRow(quotes, quote);
    expect(open).toMatchObject({ isApproved: false, isConverted: false, closeRate: 0, daysToApproval: null });
    const approved = {
      ...quote,
      quoteStatus: 'approved',
      lastTransitioned: { approvedAt: '2024-06-05T20:00:00Z' },
    };
    expect(onlyRow(quotes, approved)).toMatchObject({
      isApproved: true,
      isConverted: false,
      closeRate: 1,
      daysToApproval: 2,
    });
    const converted = {
      ...quote,
      quoteStatus: 'archived',
      lastTransitioned: { approvedAt: '2024-06-05T20:00:00Z', convertedAt: '2024-06-06T20:00:00Z' },
    };
    expect(onlyRow(quotes, converted)).toMatchObject({ isApproved: true, isConverted: true, closeRate: 1 });
  });

  it('measures days to approval from creation when the quote was never sent', () => {
    const unsent = {
      ...quote,
      sentAt: null,
      quoteStatus: 'approved',
      lastTransitioned: { approvedAt: '2024-06-04T15:00:00Z' },
    };
    expect(onlyRow(quotes, unsent)['daysToApproval']).toBe(3);
  });

  it('selects the transition dates only for the KPIs that need them', () => {
    expect(documentFor(quotes, ['closeRate'])).toContain(
      'nodes { quoteStatus lastTransitioned { approvedAt convertedAt } }',
    );
    expect(documentFor(quotes, ['quoteNumber'])).not.toContain('lastTransitioned');
  });
});
