import { products } from '../../../src/catalog/objects/products';
import { onlyRow } from './helpers';

describe('products and services', () => {
  it('formats the price list entry', () => {
    const product = {
      id: 'UHJvZHVjdC83',
      name: 'Mowing',
      description: 'Per visit',
      category: 'Service',
      defaultUnitCost: 45,
      internalUnitCost: 20,
      markup: 125,
      taxable: true,
      visible: true,
    };
    expect(onlyRow(products, product)).toMatchObject({
      productId: 'UHJvZHVjdC83',
      productName: 'Mowing',
      category: 'Service',
      unitPrice: 45,
      unitCost: 20,
      markup: 1.25,
      taxable: true,
      productCount: 1,
    });
  });

  it('shows numeric ids (older API versions) as text', () => {
    expect(onlyRow(products, { id: 7 })['productId']).toBe('7');
  });
});
