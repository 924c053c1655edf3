import { timesheets } from '../../../src/catalog/objects/timesheets';
import { onlyRow } from './helpers';

const entry = {
  id: 'VGltZS8x',
  startAt: '2024-06-03T14:00:00Z',
  endAt: '2024-06-03T16:15:00Z',
  note: null,
  approved: true,
  ticking: false,
  approvedBy: { name: { full: 'Jo Park' } },
  user: { id: 'VXNlci8x', name: { full: 'Sam Rivera' } },
  job: { id: 'Sm9iLzE=', jobNumber: 311, title: 'Weekly mowing', client: { name: 'Acme Lawns' } },
  finalDuration: 8100,
  labourRate: 28,
};

describe('timesheets', () => {
  it('turns tracked seconds into duration, hours and labour cost', () => {
    expect(onlyRow(timesheets, entry)).toMatchObject({
      startAt: '20240603080000',
      endAt: '20240603101500',
      approved: true,
      approvedBy: 'Jo Park',
      userName: 'Sam Rivera',
      jobNumber: 311,
      clientName: 'Acme Lawns',
      duration: 8100,
      labourHours: 2.25,
      labourRate: 28,
      labourCost: 63,
      entryCount: 1,
    });
  });

  it('leaves the cost empty when Jobber has no labour rate', () => {
    expect(onlyRow(timesheets, { ...entry, labourRate: null })['labourCost']).toBeNull();
  });
});
