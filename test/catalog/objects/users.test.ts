import { users } from '../../../src/catalog/objects/users';
import { onlyRow } from './helpers';

describe('users', () => {
  it('formats the team member', () => {
    const user = {
      id: 'VXNlci8x',
      name: { full: 'Sam Rivera', first: 'Sam', last: 'Rivera' },
      email: { raw: 'sam@example.com' },
      phone: { friendly: '(555) 010-0000' },
      status: 'ACTIVATED',
      isAccountAdmin: false,
      isAccountOwner: false,
      timezone: 'America/Denver',
      lastLoginAt: '2024-06-03T14:00:00Z',
    };
    expect(onlyRow(users, user)).toMatchObject({
      userName: 'Sam Rivera',
      firstName: 'Sam',
      email: 'sam@example.com',
      phone: '(555) 010-0000',
      status: 'Active',
      isAccountAdmin: false,
      timezone: 'America/Denver',
      lastLoginAt: '20240603080000',
      userCount: 1,
    });
  });
});
