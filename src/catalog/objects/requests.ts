/** Requests: new leads and work requests, where they come from and how many convert. */
import { city, computed, enumeration, group, recordCount, text, timestamp } from '../fields';
import { at } from '../read';
import type { CatalogObject } from '../types';
import { clientFields, jobberLink, recordId, CLIENT_CHANGES } from './shared';

const readStatus = at('requestStatus');

export const requests: CatalogObject = {
  id: 'requests',
  label: 'Requests',
  description: 'One row per request: status, source, referrer, client and conversion.',
  root: { connection: 'requests', singular: 'request', filterType: 'RequestFilterAttributes' },
  dateOptions: [
    { fieldId: 'createdAt', label: 'Created', filterArgument: 'createdAt', precision: 'timestamp' },
    { fieldId: 'updatedAt', label: 'Last updated', filterArgument: 'updatedAt', precision: 'timestamp' },
  ],
  allTime: true,
  replication: {
    changes: { kind: 'since', arguments: ['updatedAt'] },
    sliceBy: 'createdAt',
    related: [CLIENT_CHANGES],
  },
  fields: [
    ...group('Request', [
      recordId('requestId', 'Request ID', "Jobber's id of the request."),
      text({
        id: 'requestTitle',
        label: 'Request title',
        path: 'title',
        description: 'The request’s title.',
      }),
      enumeration({
        id: 'requestStatus',
        label: 'Request status',
        enumName: 'RequestStatusTypeEnum',
        description:
          'New, Upcoming, Today, Overdue, Unscheduled, Assessment completed, Completed, Converted or Archived.',
        pushdown: { kind: 'enum', argument: 'status', enumName: 'RequestStatusTypeEnum' },
      }),
      text({
        id: 'source',
        label: 'Source',
        description: 'Where the request came from (for example an online form).',
      }),
      text({
        id: 'referredBy',
        label: 'Referred by',
        path: 'referringClient.name',
        description: 'The client who referred this request, if any.',
      }),
      jobberLink('Link to the request in Jobber.'),
    ]),
    ...group('Contact', [
      text({ id: 'contactName', label: 'Contact name', description: 'Name given on the request.' }),
      text({ id: 'companyName', label: 'Company name', description: 'Company given on the request.' }),
      text({ id: 'email', label: 'Email', description: 'Email given on the request.' }),
      text({ id: 'phone', label: 'Phone', description: 'Phone given on the request.' }),
      ...clientFields({ clientIdFilter: 'clientId' }),
      text({
        id: 'propertyId',
        label: 'Property ID',
        path: 'property.id',
        description: 'The property the request is for.',
        pushdown: { kind: 'id', argument: 'propertyId', idType: 'Property' },
      }),
      city({
        id: 'propertyCity',
        label: 'Property city',
        path: 'property.address.city',
        description: 'City of the property.',
      }),
    ]),
    ...group('Dates', [
      timestamp({ id: 'createdAt', label: 'Created', description: 'When the request came in.' }),
      timestamp({
        id: 'updatedAt',
        label: 'Last updated',
        description: 'When the request was last changed.',
      }),
    ]),
    ...group('KPIs', [
      computed({
        id: 'isConverted',
        label: 'Converted',
        description: 'True when the request was converted into a quote or a job.',
        type: 'BOOLEAN',
        concept: 'DIMENSION',
        select: ['requestStatus'],
        read: (node) => readStatus(node) === 'converted',
      }),
      computed({
        id: 'conversionRate',
        label: 'Conversion rate',
        description:
          'Share of requests converted into a quote or a job (averaged over the rows in the chart).',
        type: 'PERCENT',
        concept: 'METRIC',
        aggregation: 'AVG',
        select: ['requestStatus'],
        read: (node) => (readStatus(node) === 'converted' ? 1 : 0),
      }),
      recordCount('requestCount', 'Requests', 'The number of requests (1 per row).'),
    ]),
  ],
  defaultDimension: 'createdAt',
  defaultMetric: 'requestCount',
};
