/** Job line items: what was sold on each job, with cost and profit per line. */
import { computed, fromParent, group, money, timestamp } from '../fields';
import { asNumber, at, cents } from '../read';
import type { CatalogObject } from '../types';
import { jobKeyFields, UPDATED_NEWEST_FIRST } from './jobs';
import { lineItemFields } from './line-items';
import { clientFields, CLIENT_CHANGES } from './shared';

const readTotalPrice = at('totalPrice');
const readTotalCost = at('totalCost');

export const jobLineItems: CatalogObject = {
  id: 'jobLineItems',
  label: 'Job line items',
  description: 'One row per line of every job, with the job’s number, status, type, dates and client.',
  root: {
    connection: 'jobs',
    singular: 'job',
    filterType: 'JobFilterAttributes',
    sortType: '[JobsSortInput!]',
  },
  rowsFrom: 'lineItems',
  dateOptions: [
    { fieldId: 'jobCreatedAt', label: 'Job created', filterArgument: 'createdAt', precision: 'timestamp' },
    { fieldId: 'jobStartAt', label: 'Job start', filterArgument: 'startAt', precision: 'timestamp' },
    {
      fieldId: 'jobCompletedAt',
      label: 'Job completed',
      filterArgument: 'completedAt',
      precision: 'timestamp',
    },
    {
      fieldId: 'jobUpdatedAt',
      label: 'Job last updated',
      newestFirst: UPDATED_NEWEST_FIRST,
      precision: 'timestamp',
    },
  ],
  allTime: true,
  replication: {
    changes: { kind: 'newestFirst', sort: UPDATED_NEWEST_FIRST, dateField: 'jobUpdatedAt' },
    sliceBy: 'jobCreatedAt',
    clockFilters: ['startAt', 'endAt', 'visitsScheduledBetween'],
    related: [CLIENT_CHANGES],
  },
  fields: [
    ...lineItemFields([
      money({
        id: 'unitCost',
        label: 'Unit cost',
        description: 'Internal cost per unit.',
        aggregation: 'AVG',
      }),
      money({ id: 'totalCost', label: 'Line cost', description: 'Quantity × unit cost.' }),
      computed({
        id: 'lineProfit',
        label: 'Line profit',
        description: 'Line total minus line cost.',
        type: 'CURRENCY',
        concept: 'METRIC',
        aggregation: 'SUM',
        select: ['totalPrice', 'totalCost'],
        read: (node) => {
          const price = asNumber(readTotalPrice(node));
          const cost = asNumber(readTotalCost(node));
          return price === null || cost === null ? null : cents(price - cost);
        },
      }),
    ]),
    ...group(
      'Job',
      fromParent([
        ...jobKeyFields,
        ...clientFields(),
        timestamp({
          id: 'jobCreatedAt',
          label: 'Job created',
          path: 'createdAt',
          description: 'When the job was created.',
        }),
        timestamp({
          id: 'jobStartAt',
          label: 'Job start',
          path: 'startAt',
          description: 'When the job starts.',
        }),
        timestamp({
          id: 'jobUpdatedAt',
          label: 'Job last updated',
          path: 'updatedAt',
          description: 'When the job was last changed.',
        }),
        timestamp({
          id: 'jobCompletedAt',
          label: 'Job completed',
          path: 'completedAt',
          description: 'When the job was closed as complete.',
        }),
      ]),
    ),
  ],
  defaultDimension: 'name',
  defaultMetric: 'totalPrice',
};
