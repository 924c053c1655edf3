/** Users: the team members of the Jobber account. */
import { enumeration, flag, group, recordCount, text, timestamp } from '../fields';
import type { CatalogObject } from '../types';
import { recordId } from './shared';

export const users: CatalogObject = {
  id: 'users',
  label: 'Users',
  description: 'One row per team member of the Jobber account. Jobber has no date to filter on.',
  root: { connection: 'users', singular: 'user', filterType: 'UsersFilterAttributes' },
  dateOptions: [],
  allTime: true,
  replication: { changes: { kind: 'everything' } },
  fields: [
    ...group('Team member', [
      recordId(
        'userId',
        'Team member ID',
        "Jobber's id of the team member (matches ids on visits and timesheets).",
      ),
      text({
        id: 'userName',
        label: 'Team member',
        path: 'name.full',
        description: 'The team member’s full name.',
      }),
      text({
        id: 'firstName',
        label: 'First name',
        path: 'name.first',
        description: 'The team member’s first name.',
      }),
      text({
        id: 'lastName',
        label: 'Last name',
        path: 'name.last',
        description: 'The team member’s last name.',
      }),
      text({
        id: 'email',
        label: 'Email',
        path: 'email.raw',
        description: 'The team member’s email address.',
      }),
      text({
        id: 'phone',
        label: 'Phone',
        path: 'phone.friendly',
        description: 'The team member’s phone number.',
      }),
      enumeration({
        id: 'status',
        label: 'Status',
        enumName: 'UserStatusEnum',
        description: 'Active, Deactivated or an invitation state.',
      }),
      flag({
        id: 'isAccountAdmin',
        label: 'Admin',
        description: 'Whether the team member is an account admin.',
      }),
      flag({
        id: 'isAccountOwner',
        label: 'Owner',
        description: 'Whether the team member owns the account.',
      }),
      text({ id: 'timezone', label: 'Time zone', description: 'The team member’s time zone.' }),
      timestamp({
        id: 'lastLoginAt',
        label: 'Last login',
        description: 'When the team member last logged in.',
      }),
    ]),
    ...group('KPIs', [recordCount('userCount', 'Team members', 'The number of team members (1 per row).')]),
  ],
  defaultDimension: 'userName',
  defaultMetric: 'userCount',
};
