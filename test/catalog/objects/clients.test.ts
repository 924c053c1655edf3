import { clients } from '../../../src/catalog/objects/clients';
import { onlyRow } from './helpers';

const client = {
  id: 'Q2xpZW50LzE=',
  name: 'Acme Lawns',
  firstName: 'Jo',
  lastName: 'Park',
  companyName: 'Acme Lawns',
  title: null,
  isCompany: true,
  isLead: false,
  isArchived: false,
  tags: { nodes: [{ label: 'VIP' }, { label: 'Referral' }] },
  emails: [
    { address: 'billing@example.com', primary: false },
    { address: 'jo@example.com', primary: true },
  ],
  phones: [{ number: '555-0100', primary: false }],
  billingAddress: {
    street: '1 Main St',
    city: 'Denver',
    province: 'Colorado',
    postalCode: '80202',
    country: 'United States',
  },
  createdAt: '2023-01-10T17:00:00Z',
  updatedAt: '2024-05-02T16:04:05Z',
  balance: 372.5,
};

describe('clients', () => {
  it('formats the client, picking the primary email and phone', () => {
    expect(onlyRow(clients, client)).toMatchObject({
      clientId: 'Q2xpZW50LzE=',
      clientName: 'Acme Lawns',
      isCompany: true,
      isLead: false,
      tags: 'VIP, Referral',
      primaryEmail: 'jo@example.com',
      primaryPhone: '555-0100',
      billingCity: 'Denver',
      billingProvince: 'Colorado',
      billingCountry: 'United States',
      createdAt: '20230110100000',
      balance: 372.5,
      leadCount: 0,
      clientCount: 1,
    });
  });

  it('counts leads and copes with clients without contacts or tags', () => {
    const lead = { ...client, isLead: true, emails: [], phones: [], tags: { nodes: [] } };
    expect(onlyRow(clients, lead)).toMatchObject({
      leadCount: 1,
      primaryEmail: null,
      primaryPhone: null,
      tags: null,
    });
  });
});
