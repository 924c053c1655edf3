import { jobs } from '../../../src/catalog/objects/jobs';
import { documentFor, emptyRow, onlyRow } from './helpers';

const job = {
  id: 'Sm9iLzE=',
  jobNumber: 311,
  title: 'Weekly mowing',
  jobStatus: 'requires_invoicing',
  jobType: 'RECURRING',
  billingType: 'VISIT_BASED',
  quote: { quoteNumber: '87' },
  request: null,
  jobberWebUri: 'https://secure.getjobber.com/work_orders/1',
  client: { id: 'Q2xpZW50LzE=', name: 'Acme Lawns' },
  property: { address: { city: 'Boulder', province: 'Colorado' } },
  createdAt: '2024-04-01T15:00:00Z',
  startAt: '2024-04-08T14:00:00Z',
  endAt: '2024-09-30T22:00:00Z',
  completedAt: '2024-05-01T18:00:00Z',
  updatedAt: '2024-05-01T18:00:00Z',
  total: 2400,
  invoicedTotal: 1800,
  uninvoicedTotal: 600,
  jobCosting: {
    totalRevenue: 2400,
    labourCost: 700,
    lineItemCost: 300,
    expenseCost: 100,
    totalCost: 1100,
    profitAmount: 1300,
    profitPercentage: 54.17,
  },
};

describe('jobs', () => {
  it('formats the job, its amounts and its job costing', () => {
    expect(onlyRow(jobs, job)).toMatchObject({
      jobNumber: 311,
      jobStatus: 'Requires invoicing',
      jobType: 'Recurring',
      billingType: 'Per visit',
      quoteNumber: '87',
      propertyProvince: 'Colorado',
      startAt: '20240408080000',
      total: 2400,
      invoicedTotal: 1800,
      uninvoicedTotal: 600,
      costingRevenue: 2400,
      labourCost: 700,
      totalCost: 1100,
      profit: 1300,
      profitMargin: 0.5417,
      daysToComplete: 30,
      jobCount: 1,
    });
  });

  it('leaves costing empty on plans without job costing', () => {
    expect(onlyRow(jobs, { ...job, jobCosting: null })).toMatchObject({ profit: null, profitMargin: null });
    expect(emptyRow(jobs)['daysToComplete']).toBeNull();
  });

  it('selects job costing only when a costing field is asked for', () => {
    expect(documentFor(jobs, ['profit', 'profitMargin'])).toContain(
      'jobCosting { profitAmount profitPercentage }',
    );
    expect(documentFor(jobs, ['total'])).not.toContain('jobCosting');
  });
});
