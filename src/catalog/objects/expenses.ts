/** Expenses: costs recorded in Jobber, by job and person. */
import { date, group, money, numberDimension, recordCount, text, timestamp } from '../fields';
import type { CatalogObject } from '../types';
import { recordId } from './shared';

export const expenses: CatalogObject = {
  id: 'expenses',
  label: 'Expenses',
  description: 'One row per expense: amount, date, job, who entered and who paid it.',
  root: { connection: 'expenses', singular: 'expense', filterType: 'ExpenseFilterAttributes' },
  dateOptions: [
    { fieldId: 'expenseDate', label: 'Expense date', filterArgument: 'date', precision: 'date' },
    { fieldId: 'createdAt', label: 'Created', filterArgument: 'createdAt', precision: 'timestamp' },
    { fieldId: 'updatedAt', label: 'Last updated', filterArgument: 'updatedAt', precision: 'timestamp' },
  ],
  allTime: true,
  replication: { changes: { kind: 'since', arguments: ['updatedAt'] }, sliceBy: 'createdAt' },
  fields: [
    ...group('Expense', [
      recordId('expenseId', 'Expense ID', "Jobber's id of the expense."),
      text({ id: 'expenseTitle', label: 'Expense', path: 'title', description: 'The expense’s title.' }),
      text({ id: 'description', label: 'Description', description: 'Notes on the expense.' }),
      date({
        id: 'expenseDate',
        label: 'Expense date',
        path: 'date',
        description: 'The date of the expense.',
      }),
      timestamp({ id: 'createdAt', label: 'Created', description: 'When the expense was recorded.' }),
      timestamp({
        id: 'updatedAt',
        label: 'Last updated',
        description: 'When the expense was last changed.',
      }),
    ]),
    ...group('People', [
      text({
        id: 'enteredById',
        label: 'Entered by (ID)',
        path: 'enteredBy.id',
        description: 'Id of the team member who recorded the expense.',
        pushdown: { kind: 'id', argument: 'enteredById', idType: 'User' },
      }),
      text({
        id: 'enteredBy',
        label: 'Entered by',
        path: 'enteredBy.name.full',
        description: 'Who recorded the expense.',
      }),
      text({
        id: 'paidBy',
        label: 'Paid by',
        path: 'paidBy.name.full',
        description: 'The team member who paid for the expense.',
      }),
      text({
        id: 'reimbursableToId',
        label: 'Reimburse to (ID)',
        path: 'reimbursableTo.id',
        description: 'Id of the team member to reimburse.',
        pushdown: { kind: 'id', argument: 'reimbursableToId', idType: 'User' },
      }),
      text({
        id: 'reimbursableTo',
        label: 'Reimburse to',
        path: 'reimbursableTo.name.full',
        description: 'The team member to reimburse for the expense.',
      }),
    ]),
    ...group('Job', [
      text({
        id: 'jobId',
        label: 'Job ID',
        path: 'linkedJob.id',
        description: 'The job the expense is linked to.',
      }),
      numberDimension({
        id: 'jobNumber',
        label: 'Job number',
        path: 'linkedJob.jobNumber',
        description: 'The number of the linked job.',
      }),
      text({
        id: 'jobTitle',
        label: 'Job title',
        path: 'linkedJob.title',
        description: 'The title of the linked job.',
      }),
    ]),
    ...group('KPIs', [
      money({ id: 'total', label: 'Amount', description: 'The expense amount.' }),
      recordCount('expenseCount', 'Expenses', 'The number of expenses (1 per row).'),
    ]),
  ],
  defaultDimension: 'expenseDate',
  defaultMetric: 'total',
};
