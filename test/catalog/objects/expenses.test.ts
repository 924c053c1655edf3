import { expenses } from '../../../src/catalog/objects/expenses';
import { onlyRow } from './helpers';

describe('expenses', () => {
  it('formats the expense with its people and job', () => {
    const expense = {
      id: 'RXhwZW5zZS8x',
      title: 'Fuel',
      description: null,
      date: '2024-06-03T06:00:00Z',
      createdAt: '2024-06-03T20:00:00Z',
      updatedAt: '2024-06-03T20:00:00Z',
      enteredBy: { id: 'VXNlci8x', name: { full: 'Sam Rivera' } },
      paidBy: null,
      reimbursableTo: { id: 'VXNlci8x', name: { full: 'Sam Rivera' } },
      linkedJob: { id: 'Sm9iLzE=', jobNumber: 311, title: 'Weekly mowing' },
      total: 64.2,
    };
    expect(onlyRow(expenses, expense)).toMatchObject({
      expenseTitle: 'Fuel',
      expenseDate: '20240603',
      createdAt: '20240603140000',
      enteredById: 'VXNlci8x',
      enteredBy: 'Sam Rivera',
      paidBy: null,
      reimbursableTo: 'Sam Rivera',
      jobNumber: 311,
      total: 64.2,
      expenseCount: 1,
    });
  });

  it('offers no accounting code: Jobber’s public API has no Expense.accountingCode (never released)', () => {
    expect(expenses.fields.map((field) => field.id)).not.toContain('accountingCode');
  });
});
