/**
 * Jobber's enum values are shown by their labels; Jobber adds values every few months, and a value
 * the connector does not know is shown as a readable label made from the value, never empty and
 * never an error. Filters send only values confirmed for the pinned API version.
 */
import { enumLabel, filterableValues, filterValueOfLabel } from '../../src/catalog/enums';
import { payments } from '../../src/catalog/objects/payments';
import { onlyRow } from './objects/helpers';

describe('enum labels', () => {
  it('labels the payment methods, origins and statuses Jobber added', () => {
    const labels = ['ACH_BANK_PAYMENT', 'CASH_APP', 'E_TRANSFER', 'PAYPAL', 'VENMO', 'ZELLE'].map((value) =>
      enumLabel('PaymentType', value),
    );
    expect(labels).toEqual(['ACH bank payment', 'Cash App', 'e-Transfer', 'PayPal', 'Venmo', 'Zelle']);
    expect(enumLabel('PaymentOrigin', 'CARD_READER')).toBe('Card reader');
    expect(enumLabel('PaymentOrigin', 'TAP_TO_PAY')).toBe('Tap to pay');
    expect(enumLabel('JobberPaymentTransactionStatus', 'PARTIALLY_REFUNDED')).toBe('Partially refunded');
    expect(enumLabel('ProductsAndServicesCategory', 'SERVICE')).toBe('Service');
  });

  it('makes a readable label from a value it does not know', () => {
    expect(enumLabel('PaymentType', 'SOME_NEW_VALUE')).toBe('Some new value');
    expect(enumLabel('InvoiceStatusTypeEnum', 'partially_paid')).toBe('Partially paid');
    expect(enumLabel('PaymentOrigin', 'KioskOrigin')).toBe('Kiosk origin');
  });

  it('shows an unknown payment method in a report row, readable', () => {
    const row = onlyRow(payments, {
      id: 'UGF5bWVudC8x',
      amount: 10,
      adjustmentType: 'PAYMENT',
      paymentType: 'SOME_NEW_VALUE',
      paymentOrigin: 'SOME_NEW_ORIGIN',
      entryDate: '2024-05-13T06:00:00Z',
    });
    expect(row).toMatchObject({ paymentType: 'Some new value', paymentOrigin: 'Some new origin' });
  });

  it('filters on the newer payment methods, now confirmed, but not on values only third parties name', () => {
    expect(filterValueOfLabel('PaymentType', 'Zelle')).toBe('ZELLE');
    expect(filterValueOfLabel('PaymentType', 'e-Transfer')).toBe('E_TRANSFER');
    expect(filterableValues('InvoiceStatusTypeEnum')).not.toContain('voided');
    expect(filterableValues('ProductsAndServicesCategory')).toEqual(['PRODUCT', 'SERVICE']);
    expect(filterValueOfLabel('PaymentType', 'Some new value')).toBeUndefined();
  });
});
