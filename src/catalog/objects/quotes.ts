/** Quotes: the sales pipeline, close rate and time to approval. */
import {
  city,
  computed,
  enumeration,
  group,
  money,
  recordCount,
  text,
  timestamp,
  type FieldDraft,
} from '../fields';
import { asNumber, asTime, at, daysBetween } from '../read';
import type { CatalogObject } from '../types';
import { clientFields, jobberLink, recordId, CLIENT_CHANGES } from './shared';

/** The quote fields its line items carry too. */
export const quoteKeyFields: readonly FieldDraft[] = [
  recordId('quoteId', 'Quote ID', "Jobber's id of the quote."),
  text({ id: 'quoteNumber', label: 'Quote number', description: 'The number printed on the quote.' }),
  text({ id: 'quoteTitle', label: 'Quote title', path: 'title', description: 'The quote’s title.' }),
  enumeration({
    id: 'quoteStatus',
    label: 'Quote status',
    enumName: 'QuoteStatusTypeEnum',
    description: 'Draft, Awaiting response, Changes requested, Approved, Converted (to a job) or Archived.',
    pushdown: { kind: 'enum', argument: 'status', enumName: 'QuoteStatusTypeEnum' },
  }),
];

const readStatus = at('quoteStatus');
const readTotal = at('amounts.total');
const readSentAt = at('sentAt');
const readCreatedAt = at('createdAt');
const readApprovedAt = at('lastTransitioned.approvedAt');
const readConvertedAt = at('lastTransitioned.convertedAt');
const readTransitionedAt = at('transitionedAt');

const WON = new Set(['approved', 'converted']);

function isWon(status: unknown, approvedAt: unknown, convertedAt: unknown): boolean {
  return (
    (typeof status === 'string' && WON.has(status)) ||
    typeof approvedAt === 'string' ||
    typeof convertedAt === 'string'
  );
}

const kpis: FieldDraft[] = [
  computed({
    id: 'isApproved',
    label: 'Approved',
    description: 'True once the client approved the quote (including quotes since converted to a job).',
    type: 'BOOLEAN',
    concept: 'DIMENSION',
    select: ['quoteStatus', 'lastTransitioned.approvedAt', 'lastTransitioned.convertedAt'],
    read: (node) => isWon(readStatus(node), readApprovedAt(node), readConvertedAt(node)),
  }),
  computed({
    id: 'isConverted',
    label: 'Converted',
    description: 'True once the quote was converted into a job.',
    type: 'BOOLEAN',
    concept: 'DIMENSION',
    select: ['quoteStatus', 'lastTransitioned.convertedAt'],
    read: (node) => readStatus(node) === 'converted' || typeof readConvertedAt(node) === 'string',
  }),
  computed({
    id: 'closeRate',
    label: 'Close rate',
    description: 'Share of quotes approved or converted (averaged over the rows in the chart).',
    type: 'PERCENT',
    concept: 'METRIC',
    aggregation: 'AVG',
    select: ['quoteStatus', 'lastTransitioned.approvedAt', 'lastTransitioned.convertedAt'],
    read: (node) => (isWon(readStatus(node), readApprovedAt(node), readConvertedAt(node)) ? 1 : 0),
  }),
  computed({
    id: 'daysToApproval',
    label: 'Days to approval',
    description:
      'Days from sending the quote (or creating it, if never sent) to its approval. Empty until approved.',
    type: 'NUMBER',
    concept: 'METRIC',
    aggregation: 'AVG',
    select: ['sentAt', 'createdAt', 'lastTransitioned.approvedAt'],
    read: (node, context) => {
      const start = asTime(readSentAt(node), context) ?? asTime(readCreatedAt(node), context);
      return daysBetween(start, asTime(readApprovedAt(node), context), context);
    },
  }),
  computed({
    id: 'pipelineValue',
    label: 'Pipeline value',
    description: 'The quote total while the quote awaits the client’s response; 0 otherwise.',
    type: 'CURRENCY',
    concept: 'METRIC',
    aggregation: 'SUM',
    select: ['quoteStatus', 'amounts.total'],
    read: (node) => (readStatus(node) === 'awaiting_response' ? (asNumber(readTotal(node)) ?? 0) : 0),
  }),
  computed({
    id: 'daysAwaitingResponse',
    label: 'Days awaiting response',
    description: 'For quotes awaiting a response: days since the quote was sent. Empty for other quotes.',
    type: 'NUMBER',
    concept: 'METRIC',
    aggregation: 'AVG',
    select: ['quoteStatus', 'sentAt', 'transitionedAt'],
    read: (node, context) => {
      if (readStatus(node) !== 'awaiting_response') return null;
      const since = asTime(readSentAt(node), context) ?? asTime(readTransitionedAt(node), context);
      return since === null ? null : context.today - context.time.localDay(since);
    },
  }),
  recordCount('quoteCount', 'Quotes', 'The number of quotes (1 per row).'),
];

export const quotes: CatalogObject = {
  id: 'quotes',
  label: 'Quotes',
  description: 'One row per quote: amounts, status, pipeline value, approval and conversion.',
  root: { connection: 'quotes', singular: 'quote', filterType: 'QuoteFilterAttributes' },
  dateOptions: [
    { fieldId: 'createdAt', label: 'Created', filterArgument: 'createdAt', precision: 'timestamp' },
    { fieldId: 'sentAt', label: 'Sent', filterArgument: 'sentAt', precision: 'timestamp' },
    { fieldId: 'updatedAt', label: 'Last updated', filterArgument: 'updatedAt', precision: 'timestamp' },
  ],
  allTime: true,
  replication: {
    changes: { kind: 'since', arguments: ['updatedAt'] },
    sliceBy: 'createdAt',
    related: [CLIENT_CHANGES],
  },
  fields: [
    ...group('Quote', [...quoteKeyFields, jobberLink('Link to the quote in Jobber.')]),
    ...group('Client', [
      ...clientFields({ clientIdFilter: 'clientId' }),
      city({
        id: 'propertyCity',
        label: 'Property city',
        path: 'property.address.city',
        description: 'City of the property.',
      }),
      text({
        id: 'requestId',
        label: 'Request ID',
        path: 'request.id',
        description: 'The request the quote came from.',
      }),
    ]),
    ...group('Dates', [
      timestamp({ id: 'createdAt', label: 'Created', description: 'When the quote was created.' }),
      timestamp({ id: 'sentAt', label: 'Sent', description: 'When the quote was last sent to the client.' }),
      timestamp({
        id: 'approvedAt',
        label: 'Approved',
        path: 'lastTransitioned.approvedAt',
        description: 'When the client approved it.',
      }),
      timestamp({
        id: 'changesRequestedAt',
        label: 'Changes requested',
        path: 'lastTransitioned.changesRequestedAt',
        description: 'When the client last asked for changes.',
      }),
      timestamp({
        id: 'convertedAt',
        label: 'Converted',
        path: 'lastTransitioned.convertedAt',
        description: 'When the quote was converted into a job.',
      }),
      timestamp({
        id: 'statusChangedAt',
        label: 'Status changed',
        path: 'transitionedAt',
        description: 'When the status last changed.',
      }),
      timestamp({
        id: 'clientHubViewedAt',
        label: 'Viewed in client hub',
        description: 'When the client opened it online.',
      }),
      timestamp({ id: 'updatedAt', label: 'Last updated', description: 'When the quote was last changed.' }),
    ]),
    ...group('Amounts', [
      money({
        id: 'subtotal',
        label: 'Subtotal',
        path: 'amounts.subtotal',
        description: 'Line items before discount and tax.',
      }),
      money({
        id: 'discountAmount',
        label: 'Discount',
        path: 'amounts.discountAmount',
        description: 'Discount given on the quote.',
      }),
      money({ id: 'taxAmount', label: 'Tax', path: 'amounts.taxAmount', description: 'Tax on the quote.' }),
      money({
        id: 'total',
        label: 'Total',
        path: 'amounts.total',
        description: 'Quote total including tax.',
      }),
      money({
        id: 'depositAmount',
        label: 'Required deposit',
        path: 'amounts.depositAmount',
        description: 'Deposit the quote asks for.',
      }),
      money({
        id: 'outstandingDepositAmount',
        label: 'Deposit outstanding',
        path: 'amounts.outstandingDepositAmount',
        description: 'Part of the required deposit not yet paid.',
      }),
    ]),
    ...group('KPIs', kpis),
  ],
  defaultDimension: 'quoteStatus',
  defaultMetric: 'total',
};
