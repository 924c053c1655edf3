/** Invoice line items: revenue by product or service. Each row carries its invoice's key fields. */
import { date, fromParent, group, text, timestamp } from '../fields';
import type { CatalogObject } from '../types';
import { invoiceKeyFields } from './invoices';
import { lineItemFields } from './line-items';
import { CLIENT_CHANGES, clientFields } from './shared';

export const invoiceLineItems: CatalogObject = {
  id: 'invoiceLineItems',
  label: 'Invoice line items',
  description: 'One row per line of every invoice, with the invoice’s number, status, dates and client.',
  root: { connection: 'invoices', singular: 'invoice', filterType: 'InvoiceFilterAttributes' },
  rowsFrom: 'lineItems',
  dateOptions: [
    { fieldId: 'issuedDate', label: 'Invoice issued date', filterArgument: 'issuedDate', precision: 'date' },
    { fieldId: 'dueDate', label: 'Invoice due date', filterArgument: 'dueDate', precision: 'date' },
    {
      fieldId: 'invoiceCreatedAt',
      label: 'Invoice created',
      filterArgument: 'createdAt',
      precision: 'timestamp',
    },
    {
      fieldId: 'invoiceUpdatedAt',
      label: 'Invoice last updated',
      filterArgument: 'updatedAt',
      precision: 'timestamp',
    },
  ],
  allTime: true,
  replication: {
    changes: { kind: 'since', arguments: ['updatedAt'] },
    sliceBy: 'invoiceCreatedAt',
    clockFilters: ['dueDate'],
    related: [CLIENT_CHANGES],
  },
  fields: [
    ...lineItemFields([
      date({
        id: 'serviceDate',
        label: 'Service date',
        path: 'date',
        description: 'The date on the line, when set.',
      }),
      text({
        id: 'taxRateName',
        label: 'Tax rate',
        path: 'taxRate.name',
        description: 'The tax rate applied to the line.',
      }),
    ]),
    ...group(
      'Invoice',
      fromParent([
        ...invoiceKeyFields,
        ...clientFields({ clientIdFilter: 'clientId' }),
        timestamp({
          id: 'invoiceCreatedAt',
          label: 'Invoice created',
          path: 'createdAt',
          description: 'When the invoice was created in Jobber.',
        }),
        timestamp({
          id: 'invoiceUpdatedAt',
          label: 'Invoice last updated',
          path: 'updatedAt',
          description: 'When the invoice was last changed.',
        }),
      ]),
    ),
  ],
  defaultDimension: 'name',
  defaultMetric: 'totalPrice',
};
