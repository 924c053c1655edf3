import { properties } from '../../../src/catalog/objects/properties';
import { onlyRow } from './helpers';

describe('properties', () => {
  it('formats the address, the map location and the client', () => {
    const property = {
      id: 'UHJvcGVydHkvMQ==',
      isBillingAddress: true,
      routingOrder: 3,
      taxRate: { name: 'Colorado sales tax' },
      jobberWebUri: 'https://secure.getjobber.com/properties/1',
      address: {
        street: '12 Elm St',
        city: 'Boulder',
        province: 'Colorado',
        postalCode: '80301',
        country: 'United States',
        coordinates: { latitude: 40.015, longitude: -105.2705 },
      },
      client: { id: 'Q2xpZW50LzE=', name: 'Acme Lawns' },
    };
    expect(onlyRow(properties, property)).toMatchObject({
      propertyId: 'UHJvcGVydHkvMQ==',
      isBillingAddress: true,
      routingOrder: 3,
      taxRateName: 'Colorado sales tax',
      street: '12 Elm St',
      city: 'Boulder',
      province: 'Colorado',
      country: 'United States',
      location: '40.015, -105.2705',
      clientName: 'Acme Lawns',
      propertyCount: 1,
    });
    expect(
      onlyRow(properties, { ...property, address: { street: 'x', coordinates: null } })['location'],
    ).toBeNull();
  });
});
