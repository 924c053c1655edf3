/** Quote line items: what is being quoted, by product or service. Each row carries its quote's key fields. */
import { computed, flag, fromParent, group, timestamp } from '../fields';
import { asNumber, at, fractionOfPercent } from '../read';
import type { CatalogObject } from '../types';
import { lineItemFields } from './line-items';
import { quoteKeyFields } from './quotes';
import { clientFields, CLIENT_CHANGES } from './shared';

const readMarkup = at('markup');

export const quoteLineItems: CatalogObject = {
  id: 'quoteLineItems',
  label: 'Quote line items',
  description: 'One row per line of every quote, with the quote’s number, status, dates and client.',
  root: { connection: 'quotes', singular: 'quote', filterType: 'QuoteFilterAttributes' },
  rowsFrom: 'lineItems',
  dateOptions: [
    {
      fieldId: 'quoteCreatedAt',
      label: 'Quote created',
      filterArgument: 'createdAt',
      precision: 'timestamp',
    },
    { fieldId: 'quoteSentAt', label: 'Quote sent', filterArgument: 'sentAt', precision: 'timestamp' },
    {
      fieldId: 'quoteUpdatedAt',
      label: 'Quote last updated',
      filterArgument: 'updatedAt',
      precision: 'timestamp',
    },
  ],
  allTime: true,
  replication: {
    changes: { kind: 'since', arguments: ['updatedAt'] },
    sliceBy: 'quoteCreatedAt',
    related: [CLIENT_CHANGES],
  },
  fields: [
    ...lineItemFields([
      flag({
        id: 'optional',
        label: 'Optional',
        description: 'The client may choose whether to include the line.',
      }),
      flag({
        id: 'recommended',
        label: 'Recommended',
        description: 'An optional line the business recommends.',
      }),
      flag({ id: 'textOnly', label: 'Text only', description: 'A line of text without a price.' }),
      computed({
        id: 'markup',
        label: 'Markup',
        description: 'Markup over cost on the line, as a percentage.',
        type: 'PERCENT',
        concept: 'METRIC',
        aggregation: 'AVG',
        select: ['markup'],
        read: (node) => {
          const markup = asNumber(readMarkup(node));
          return markup === null ? null : fractionOfPercent(markup);
        },
      }),
    ]),
    ...group(
      'Quote',
      fromParent([
        ...quoteKeyFields,
        ...clientFields({ clientIdFilter: 'clientId' }),
        timestamp({
          id: 'quoteCreatedAt',
          label: 'Quote created',
          path: 'createdAt',
          description: 'When the quote was created.',
        }),
        timestamp({
          id: 'quoteSentAt',
          label: 'Quote sent',
          path: 'sentAt',
          description: 'When the quote was last sent.',
        }),
        timestamp({
          id: 'quoteUpdatedAt',
          label: 'Quote last updated',
          path: 'updatedAt',
          description: 'When the quote was last changed.',
        }),
      ]),
    ),
  ],
  defaultDimension: 'name',
  defaultMetric: 'totalPrice',
};
