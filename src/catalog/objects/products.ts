/** Products and services: the price list. */
import { computed, enumeration, flag, group, money, recordCount, text } from '../fields';
import { asNumber, at, fractionOfPercent } from '../read';
import type { CatalogObject } from '../types';
import { recordId } from './shared';

const readMarkup = at('markup');

export const products: CatalogObject = {
  id: 'products',
  label: 'Products and services',
  description: 'One row per product or service in the price list. Jobber has no date to filter on.',
  root: { connection: 'products', singular: 'productOrService' },
  dateOptions: [],
  allTime: true,
  replication: { changes: { kind: 'everything' } },
  fields: [
    ...group('Product or service', [
      recordId('productId', 'Product or service ID', "Jobber's id of the product or service."),
      text({ id: 'productName', label: 'Name', path: 'name', description: 'Name in the price list.' }),
      text({ id: 'description', label: 'Description', description: 'Default description.' }),
      enumeration({
        id: 'category',
        label: 'Category',
        enumName: 'ProductsAndServicesCategory',
        description: 'Product or Service.',
      }),
      flag({ id: 'taxable', label: 'Taxable', description: 'Whether tax applies by default.' }),
      flag({ id: 'visible', label: 'Visible', description: 'Whether it is offered in the price list.' }),
    ]),
    ...group('KPIs', [
      money({
        id: 'unitPrice',
        label: 'Unit price',
        path: 'defaultUnitCost',
        description: 'Default price per unit.',
        aggregation: 'AVG',
      }),
      money({
        id: 'unitCost',
        label: 'Unit cost',
        path: 'internalUnitCost',
        description: 'Internal cost per unit.',
        aggregation: 'AVG',
      }),
      computed({
        id: 'markup',
        label: 'Markup',
        description: 'Markup of the price over the cost, as a percentage.',
        type: 'PERCENT',
        concept: 'METRIC',
        aggregation: 'AVG',
        select: ['markup'],
        read: (node) => {
          const markup = asNumber(readMarkup(node));
          return markup === null ? null : fractionOfPercent(markup);
        },
      }),
      recordCount(
        'productCount',
        'Products and services',
        'The number of products and services (1 per row).',
      ),
    ]),
  ],
  defaultDimension: 'productName',
  defaultMetric: 'unitPrice',
};
