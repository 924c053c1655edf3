import { visits } from '../../../src/catalog/objects/visits';
import { documentFor, onlyRow } from './helpers';

const visit = {
  id: 'VmlzaXQvMQ==',
  title: 'Mowing',
  visitStatus: 'COMPLETED',
  isComplete: true,
  allDay: false,
  invoice: { id: 'SW52b2ljZS8x' },
  assignedUsers: {
    nodes: [
      { id: 'VXNlci8x', name: { full: 'Sam Rivera' } },
      { id: 'VXNlci8y', name: { full: 'Alex Chen' } },
    ],
    pageInfo: { hasNextPage: false },
  },
  job: { id: 'Sm9iLzE=', jobNumber: 311, title: 'Weekly mowing', jobType: 'RECURRING' },
  client: { id: 'Q2xpZW50LzE=', name: 'Acme Lawns' },
  property: { address: { city: 'Boulder', street: '12 Elm St' } },
  startAt: '2024-06-03T15:00:00Z',
  endAt: '2024-06-03T16:30:00Z',
  completedAt: '2024-06-03T16:40:00Z',
  createdAt: '2024-05-20T15:00:00Z',
};

describe('visits', () => {
  it('formats the visit with its crew, job and client', () => {
    expect(onlyRow(visits, visit)).toMatchObject({
      visitStatus: 'Completed',
      isComplete: true,
      isInvoiced: true,
      assignedTo: 'Sam Rivera, Alex Chen',
      assignedUserIds: 'VXNlci8x, VXNlci8y',
      assignedUserCount: 2,
      jobNumber: 311,
      jobType: 'Recurring',
      propertyStreet: '12 Elm St',
      startAt: '20240603090000',
      visitDuration: 5400,
      visitCount: 1,
    });
  });

  it('offers no billing total: Jobber’s public API has no Visit.amounts (never released)', () => {
    expect(visits.fields.map((field) => field.id)).not.toContain('visitBillingTotal');
    expect(visits.fields.flatMap((field) => field.select).some((path) => path.startsWith('amounts'))).toBe(
      false,
    );
  });

  it('handles unassigned, unscheduled and uninvoiced visits', () => {
    const bare = { ...visit, assignedUsers: { nodes: [] }, invoice: null, startAt: null, endAt: null };
    expect(onlyRow(visits, bare)).toMatchObject({
      assignedTo: null,
      assignedUserCount: 0,
      isInvoiced: false,
      visitDuration: null,
      startAt: null,
    });
  });

  it('reads assigned users as a nested connection that can be completed', () => {
    expect(documentFor(visits, ['assignedTo'])).toContain(
      'assignedUsers(first: 5) { nodes { name { full } } pageInfo { hasNextPage endCursor } }',
    );
  });
});
