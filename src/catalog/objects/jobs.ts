/** Jobs: work by status and type, invoicing progress and job costing (profit and margin). */
import {
  city,
  computed,
  enumeration,
  group,
  money,
  numberDimension,
  recordCount,
  region,
  text,
  timestamp,
  type FieldDraft,
} from '../fields';
import { asNumber, asTime, at, daysBetween, fractionOfPercent } from '../read';
import type { CatalogObject } from '../types';
import { clientFields, jobberLink, recordId, CLIENT_CHANGES } from './shared';

/** The jobs sort that lists the most recently updated first. */
export const UPDATED_NEWEST_FIRST = [{ key: 'UPDATED_AT', direction: 'DESCENDING' }];

/** The job fields its line items carry too. */
export const jobKeyFields: readonly FieldDraft[] = [
  recordId('jobId', 'Job ID', "Jobber's id of the job."),
  numberDimension({ id: 'jobNumber', label: 'Job number', description: 'The job’s number in Jobber.' }),
  text({ id: 'jobTitle', label: 'Job title', path: 'title', description: 'The job’s title.' }),
  enumeration({
    id: 'jobStatus',
    label: 'Job status',
    enumName: 'JobStatusTypeEnum',
    description:
      'Active, Upcoming, Today, Late, Action required, Requires invoicing, On hold, Unscheduled or Archived.',
    pushdown: { kind: 'enum', argument: 'status', enumName: 'JobStatusTypeEnum' },
  }),
  enumeration({
    id: 'jobType',
    label: 'Job type',
    enumName: 'JobTypeTypeEnum',
    description: 'One-off or Recurring.',
    pushdown: { kind: 'enum', argument: 'jobType', enumName: 'JobTypeTypeEnum' },
  }),
];

const readCreatedAt = at('createdAt');
const readCompletedAt = at('completedAt');
const readPercentage = at('jobCosting.profitPercentage');

const costing: FieldDraft[] = [
  money({
    id: 'costingRevenue',
    label: 'Job revenue (costing)',
    path: 'jobCosting.totalRevenue',
    description: 'Revenue Jobber’s job costing counts for the job (Grow and Plus plans).',
  }),
  money({
    id: 'labourCost',
    label: 'Labour cost',
    path: 'jobCosting.labourCost',
    description: 'Cost of time tracked on the job.',
  }),
  money({
    id: 'lineItemCost',
    label: 'Line item cost',
    path: 'jobCosting.lineItemCost',
    description: 'Cost of the products and services on the job.',
  }),
  money({
    id: 'expenseCost',
    label: 'Expense cost',
    path: 'jobCosting.expenseCost',
    description: 'Expenses linked to the job.',
  }),
  money({
    id: 'totalCost',
    label: 'Total cost',
    path: 'jobCosting.totalCost',
    description: 'Labour, line item and expense costs.',
  }),
  money({
    id: 'profit',
    label: 'Profit',
    path: 'jobCosting.profitAmount',
    description: 'Job revenue minus total cost.',
  }),
  computed({
    id: 'profitMargin',
    label: 'Profit margin',
    description:
      'Profit as a share of the job’s revenue. Averaged across jobs; for an overall margin divide Profit by Job revenue.',
    type: 'PERCENT',
    concept: 'METRIC',
    aggregation: 'AVG',
    select: ['jobCosting.profitPercentage'],
    read: (node) => {
      const percentage = asNumber(readPercentage(node));
      return percentage === null ? null : fractionOfPercent(percentage);
    },
  }),
];

export const jobs: CatalogObject = {
  id: 'jobs',
  label: 'Jobs',
  description: 'One row per job: status, type, schedule, value, invoicing and job costing.',
  root: {
    connection: 'jobs',
    singular: 'job',
    filterType: 'JobFilterAttributes',
    sortType: '[JobsSortInput!]',
  },
  dateOptions: [
    { fieldId: 'createdAt', label: 'Created', filterArgument: 'createdAt', precision: 'timestamp' },
    { fieldId: 'startAt', label: 'Start', filterArgument: 'startAt', precision: 'timestamp' },
    { fieldId: 'endAt', label: 'End', filterArgument: 'endAt', precision: 'timestamp' },
    { fieldId: 'completedAt', label: 'Completed', filterArgument: 'completedAt', precision: 'timestamp' },
    // Jobber cannot filter jobs by update time, but sorts them by it: read newest first.
    {
      fieldId: 'updatedAt',
      label: 'Last updated',
      newestFirst: UPDATED_NEWEST_FIRST,
      precision: 'timestamp',
    },
  ],
  allTime: true,
  replication: {
    changes: { kind: 'newestFirst', sort: UPDATED_NEWEST_FIRST, dateField: 'updatedAt' },
    sliceBy: 'createdAt',
    clockFilters: ['startAt', 'endAt', 'visitsScheduledBetween'],
    related: [CLIENT_CHANGES],
  },
  fields: [
    ...group('Job', [
      ...jobKeyFields,
      enumeration({
        id: 'billingType',
        label: 'Billing type',
        enumName: 'BillingStrategy',
        description: 'Fixed price or Per visit.',
      }),
      text({
        id: 'quoteNumber',
        label: 'Quote number',
        path: 'quote.quoteNumber',
        description: 'The quote the job came from.',
      }),
      text({
        id: 'requestId',
        label: 'Request ID',
        path: 'request.id',
        description: 'The request the job came from.',
      }),
      jobberLink('Link to the job in Jobber.'),
    ]),
    ...group('Client', [
      ...clientFields(),
      city({
        id: 'propertyCity',
        label: 'Property city',
        path: 'property.address.city',
        description: 'City of the job’s property.',
      }),
      region({
        id: 'propertyProvince',
        label: 'Property province or state',
        path: 'property.address.province',
        description: 'Province or state of the job’s property.',
      }),
    ]),
    ...group('Dates', [
      timestamp({ id: 'createdAt', label: 'Created', description: 'When the job was created.' }),
      timestamp({
        id: 'startAt',
        label: 'Start',
        description: 'When the job starts (empty when unscheduled).',
      }),
      timestamp({ id: 'endAt', label: 'End', description: 'When the job ends.' }),
      timestamp({
        id: 'completedAt',
        label: 'Completed',
        description: 'When the job was closed as complete.',
      }),
      timestamp({ id: 'updatedAt', label: 'Last updated', description: 'When the job was last changed.' }),
    ]),
    ...group('Amounts', [
      money({ id: 'total', label: 'Job value', description: 'The job’s total value.' }),
      money({
        id: 'invoicedTotal',
        label: 'Invoiced',
        description: 'Part of the job’s value already invoiced.',
      }),
      money({
        id: 'uninvoicedTotal',
        label: 'Not yet invoiced',
        description: 'Part of the job’s value not invoiced yet.',
      }),
    ]),
    ...group('Job costing', costing),
    ...group('KPIs', [
      computed({
        id: 'daysToComplete',
        label: 'Days to complete',
        description: 'Days from creating the job to completing it. Empty until completed.',
        type: 'NUMBER',
        concept: 'METRIC',
        aggregation: 'AVG',
        select: ['createdAt', 'completedAt'],
        read: (node, context) =>
          daysBetween(asTime(readCreatedAt(node), context), asTime(readCompletedAt(node), context), context),
      }),
      recordCount('jobCount', 'Jobs', 'The number of jobs (1 per row).'),
    ]),
  ],
  defaultDimension: 'jobStatus',
  defaultMetric: 'total',
};
