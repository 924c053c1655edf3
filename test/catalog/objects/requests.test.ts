import { requests } from '../../../src/catalog/objects/requests';
import { onlyRow } from './helpers';

const request = {
  id: 'UmVxdWVzdC8x',
  title: 'New patio',
  requestStatus: 'converted',
  source: 'Online request form',
  referringClient: { name: 'Acme Lawns' },
  contactName: 'Jo Park',
  companyName: null,
  email: 'jo@example.com',
  phone: null,
  client: { id: 'Q2xpZW50LzE=', name: 'Jo Park' },
  property: { id: 'UHJvcGVydHkvMQ==', address: { city: 'Boulder' } },
  createdAt: '2024-06-01T15:00:00Z',
  updatedAt: '2024-06-02T15:00:00Z',
};

describe('requests', () => {
  it('formats the request with its source, referrer and conversion', () => {
    expect(onlyRow(requests, request)).toMatchObject({
      requestStatus: 'Converted',
      source: 'Online request form',
      referredBy: 'Acme Lawns',
      companyName: null,
      propertyId: 'UHJvcGVydHkvMQ==',
      propertyCity: 'Boulder',
      createdAt: '20240601090000',
      isConverted: true,
      conversionRate: 1,
      requestCount: 1,
    });
    expect(onlyRow(requests, { ...request, requestStatus: 'new' })).toMatchObject({
      requestStatus: 'New',
      isConverted: false,
      conversionRate: 0,
    });
  });
});
