import { jobLineItems } from '../../../src/catalog/objects/job-line-items';
import { rowsOf } from './helpers';

const job = {
  id: 'Sm9iLzE=',
  jobNumber: 311,
  title: 'Weekly mowing',
  jobStatus: 'active',
  jobType: 'ONE_OFF',
  client: { id: 'Q2xpZW50LzE=', name: 'Acme Lawns' },
  createdAt: '2024-04-01T15:00:00Z',
  startAt: '2024-04-08T14:00:00Z',
  completedAt: null,
  lineItems: {
    nodes: [
      {
        id: 'TGluZS8x',
        name: 'Sod',
        quantity: 3,
        unitPrice: 100,
        totalPrice: 300,
        unitCost: 60,
        totalCost: 180,
      },
    ],
  },
};

describe('job line items', () => {
  it('yields one row per line with cost and profit, carrying the job’s key fields', () => {
    expect(rowsOf(jobLineItems, [job])).toEqual([
      expect.objectContaining({
        name: 'Sod',
        totalPrice: 300,
        unitCost: 60,
        totalCost: 180,
        lineProfit: 120,
        jobNumber: 311,
        jobStatus: 'Active',
        jobType: 'One-off',
        jobCreatedAt: '20240401090000',
        jobCompletedAt: null,
        clientName: 'Acme Lawns',
      }),
    ]);
  });

  it('leaves the profit empty when Jobber has no cost for the line', () => {
    const noCost = { ...job, lineItems: { nodes: [{ id: 'TGluZS8x', totalPrice: 300, totalCost: null }] } };
    expect(rowsOf(jobLineItems, [noCost])[0]?.['lineProfit']).toBeNull();
  });
});
