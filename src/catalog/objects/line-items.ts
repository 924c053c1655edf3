/** The fields every kind of line item (quote, job, invoice) shares. */
import { enumeration, flag, group, money, number, recordCount, text, type FieldDraft } from '../fields';
import type { FieldDef } from '../types';

export function lineItemFields(extra: readonly FieldDraft[] = []): FieldDef[] {
  return group('Line item', [
    text({
      id: 'lineItemId',
      label: 'Line item ID',
      path: 'id',
      description: "Jobber's id of the line item.",
    }),
    text({ id: 'name', label: 'Item name', description: 'The product or service name on the line.' }),
    text({ id: 'description', label: 'Item description', description: 'The description on the line.' }),
    enumeration({
      id: 'category',
      label: 'Item category',
      enumName: 'ProductsAndServicesCategory',
      description: 'Product or Service, as Jobber records it.',
    }),
    flag({ id: 'taxable', label: 'Taxable', description: 'Whether tax applies to the line.' }),
    text({
      id: 'productId',
      label: 'Product or service ID',
      path: 'linkedProductOrService.id',
      description: 'The id of the product or service from the price list, when the line is linked to one.',
    }),
    text({
      id: 'productName',
      label: 'Product or service',
      path: 'linkedProductOrService.name',
      description: 'The price-list product or service the line is linked to.',
    }),
    number({ id: 'quantity', label: 'Quantity', description: 'Quantity on the line.' }),
    money({ id: 'unitPrice', label: 'Unit price', description: 'Price per unit.', aggregation: 'AVG' }),
    money({ id: 'totalPrice', label: 'Line total', description: 'Quantity × unit price, before tax.' }),
    ...extra,
    recordCount('lineItemCount', 'Line items', 'The number of line items (1 per row).'),
  ]);
}
