import { payments } from '../../../src/catalog/objects/payments';
import { onlyRow } from './helpers';

const payment = {
  id: 'UGF5bWVudC8x',
  amount: 100,
  adjustmentType: 'PAYMENT',
  paymentType: 'CREDIT_CARD',
  paymentOrigin: 'CLIENT_ONLINE_ORIGIN',
  details: null,
  sentAt: null,
  entryDate: '2024-05-13T06:00:00Z',
  client: { id: 'Q2xpZW50LzE=', name: 'Acme Lawns' },
  invoice: { id: 'SW52b2ljZS8x', invoiceNumber: '1042', issuedDate: '2024-05-01T06:00:00Z' },
  quote: null,
};

describe('payments', () => {
  it('formats the payment and measures days from the invoice to the payment', () => {
    expect(onlyRow(payments, payment)).toMatchObject({
      entryDate: '20240513',
      paymentType: 'Credit card',
      adjustmentType: 'Payment',
      paymentOrigin: 'Client online',
      invoiceNumber: '1042',
      invoiceIssuedDate: '20240501',
      quoteNumber: null,
      amount: 100,
      netAmount: 100,
      daysFromInvoice: 12,
      paymentCount: 1,
    });
  });

  it('counts refunds against cash collected (Jobber reports their amount as positive)', () => {
    expect(onlyRow(payments, { ...payment, adjustmentType: 'REFUND' })).toMatchObject({
      amount: 100,
      netAmount: -100,
    });
    expect(onlyRow(payments, { ...payment, adjustmentType: 'DEPOSIT', invoice: null })).toMatchObject({
      netAmount: 100,
      daysFromInvoice: null,
    });
  });
});
