import type { GenContext } from './context';
import type { InvoiceRecord, PaymentRecord } from './records';

const MINUTE_MS = 60_000;

/** How a payment method shows up in Jobber: its PaymentType and the GraphQL type of its record. */
interface Method {
  readonly paymentType: string;
  readonly typename: string;
  readonly weight: number;
  readonly online: boolean;
}

const COMMON_METHODS: readonly Method[] = [
  {
    paymentType: 'JOBBER_PAYMENTS',
    typename: 'JobberPaymentsCreditCardPaymentRecord',
    weight: 38,
    online: true,
  },
  { paymentType: 'JOBBER_PAYMENTS', typename: 'JobberPaymentsACHPaymentRecord', weight: 6, online: true },
  { paymentType: 'CHEQUE', typename: 'CheckPaymentRecord', weight: 18, online: false },
  { paymentType: 'CASH', typename: 'CashPaymentRecord', weight: 8, online: false },
  { paymentType: 'BANK_TRANSFER', typename: 'BankTransferPaymentRecord', weight: 10, online: false },
  { paymentType: 'CREDIT_CARD', typename: 'CreditCardPaymentRecord', weight: 12, online: false },
  { paymentType: 'MONEY_ORDER', typename: 'MoneyOrderPaymentRecord', weight: 2, online: false },
  { paymentType: 'EPAYMENT', typename: 'EPaymentPaymentRecord', weight: 2, online: true },
  { paymentType: 'OTHER', typename: 'OtherPaymentRecord', weight: 4, online: false },
  { paymentType: 'PAYPAL', typename: 'PaypalPaymentRecord', weight: 2, online: false },
];

/**
 * The methods Jobber added for money that moves outside Jobber Payments, recorded by hand, in the
 * shares a service business of each country sees: US clients pay by Zelle, Venmo and Cash App and
 * by ACH from their bank, Canadians by Interac e-Transfer; Australians mostly by bank transfer.
 */
const REGIONAL_METHODS: Readonly<Record<string, readonly Method[]>> = {
  us: [
    { paymentType: 'ZELLE', typename: 'ZellePaymentRecord', weight: 5, online: false },
    { paymentType: 'VENMO', typename: 'VenmoPaymentRecord', weight: 3, online: false },
    { paymentType: 'CASH_APP', typename: 'CashAppPaymentRecord', weight: 1, online: false },
    { paymentType: 'ACH_BANK_PAYMENT', typename: 'AchBankPaymentPaymentRecord', weight: 3, online: false },
  ],
  ca: [{ paymentType: 'E_TRANSFER', typename: 'ETransferPaymentRecord', weight: 14, online: false }],
  au: [],
};

const ALL_METHODS: readonly Method[] = [...COMMON_METHODS, ...Object.values(REGIONAL_METHODS).flat()];

const REFUND_TYPENAME = 'JobberPaymentsRefundPaymentRecord';

/**
 * The GraphQL type of a payment record: the refund type for a refund, a Jobber Payments type kept
 * for a Jobber Payments payment (card or ACH), else the type of its method.
 */
export function paymentTypename(
  payment: Pick<PaymentRecord, 'typename' | 'adjustmentType' | 'paymentType'>,
): string {
  if (payment.adjustmentType === 'REFUND') return REFUND_TYPENAME;
  const kept = ALL_METHODS.find((method) => method.typename === payment.typename);
  if (kept?.paymentType === payment.paymentType) return kept.typename;
  return (
    ALL_METHODS.find((method) => method.paymentType === payment.paymentType)?.typename ?? 'OtherPaymentRecord'
  );
}

function methodsOf(ctx: GenContext): readonly Method[] {
  return [...COMMON_METHODS, ...(REGIONAL_METHODS[ctx.spec.region.postalCode] ?? [])];
}

type PayerHabit = 'prompt' | 'slow' | 'delinquent';

/**
 * Pays an issued invoice the way its client tends to (promptly, slowly, or not at all), then sets
 * paymentsTotal, balance and receivedDate (balance = total − payments, exactly) and writes off some bad debt.
 */
export function settleInvoice(ctx: GenContext, invoice: InvoiceRecord, issueDay: number): void {
  const habit: PayerHabit =
    (['prompt', 'prompt', 'prompt', 'slow', 'prompt', 'slow', 'delinquent'] as const)[invoice.clientId % 7] ??
    'prompt';
  const totalCents = Math.round(invoice.total * 100);
  const unpaid = habit === 'delinquent' ? ctx.rng.chance(0.3) : ctx.rng.chance(0.015);
  const firstDay = issueDay + payDelay(ctx, habit, invoice.invoiceNet);
  const paymentsBefore = ctx.records.paymentRecords.length;
  if (!unpaid && totalCents > 0 && firstDay <= ctx.today) {
    const split = ctx.rng.chance(0.15) && totalCents > 20_000;
    const firstCents = split ? Math.round(totalCents * ctx.rng.pick([0.3, 0.4, 0.5])) : totalCents;
    pay(ctx, invoice, firstDay, firstCents);
    const secondDay = firstDay + ctx.rng.int(7, 40);
    if (split && secondDay <= ctx.today && ctx.rng.chance(0.85))
      pay(ctx, invoice, secondDay, totalCents - firstCents);
  }
  // Paid in full on the day of the latest payment (a refund's cheque may come after the last instalment).
  const latest = ctx.records.paymentRecords
    .slice(paymentsBefore)
    .reduce<PaymentRecord | undefined>(
      (found, payment) => (found && found.entryDate >= payment.entryDate ? found : payment),
      undefined,
    );
  recordBalance(ctx, invoice, latest);
}

function payDelay(ctx: GenContext, habit: PayerHabit, net: number): number {
  if (habit === 'prompt') return ctx.rng.int(0, Math.max(3, Math.round(net * 0.8)));
  return ctx.rng.int(Math.round(net * 0.7), net + 45);
}

function pay(ctx: GenContext, invoice: InvoiceRecord, day: number, amountCents: number): void {
  const method = ctx.rng.weighted(methodsOf(ctx).map((candidate) => [candidate, candidate.weight] as const));
  const payment = addPayment(ctx, invoice, method, day, amountCents, 'PAYMENT');
  invoice.paymentsTotal = (Math.round(invoice.paymentsTotal * 100) + amountCents) / 100;
  if (
    method.typename === 'JobberPaymentsCreditCardPaymentRecord' &&
    ctx.rng.chance(0.012) &&
    day + 3 <= ctx.today
  ) {
    refundPart(ctx, invoice, payment, day + 3, Math.max(100, Math.round(amountCents * 0.2)));
  }
}

/** A partial refund, then the client settles the difference by cheque: payments still sum to the total. */
function refundPart(
  ctx: GenContext,
  invoice: InvoiceRecord,
  original: PaymentRecord,
  day: number,
  refundCents: number,
): void {
  const refundMethod = {
    paymentType: 'JOBBER_PAYMENTS',
    typename: REFUND_TYPENAME,
    weight: 0,
    online: true,
  } as const;
  const refund = addPayment(ctx, invoice, refundMethod, day, refundCents, 'REFUND');
  refund.refundedPaymentRecordId = original.id;
  invoice.paymentsTotal = (Math.round(invoice.paymentsTotal * 100) - refundCents) / 100;
  const chequeDay = day + ctx.rng.int(2, 10);
  if (chequeDay > ctx.today) return;
  const cheque = COMMON_METHODS.find((candidate) => candidate.paymentType === 'CHEQUE');
  if (cheque) {
    addPayment(ctx, invoice, cheque, chequeDay, refundCents, 'PAYMENT');
    invoice.paymentsTotal = (Math.round(invoice.paymentsTotal * 100) + refundCents) / 100;
  }
}

function addPayment(
  ctx: GenContext,
  invoice: InvoiceRecord,
  method: Omit<Method, 'weight'>,
  day: number,
  amountCents: number,
  adjustmentType: 'PAYMENT' | 'REFUND',
): PaymentRecord {
  const { rng } = ctx;
  const entryDate = method.online
    ? Math.min(ctx.now - MINUTE_MS, ctx.at(day, rng.int(6 * 60, 22 * 60)))
    : ctx.zone.midnight(day);
  const tip =
    method.typename === 'JobberPaymentsCreditCardPaymentRecord' &&
    adjustmentType === 'PAYMENT' &&
    rng.chance(0.2);
  const tipAmount = tip ? Math.round(amountCents * rng.pick([0.1, 0.15])) / 100 : null;
  const payment: PaymentRecord = {
    id: ctx.nextId('paymentRecords'),
    typename: method.typename,
    clientId: invoice.clientId,
    invoiceId: invoice.id,
    quoteId: null,
    refundedPaymentRecordId: null,
    adjustmentType,
    paymentType: method.paymentType,
    paymentOrigin: method.online
      ? onlineOrigin(method, invoice.id + day)
      : rng.pick(['MOBILE_ORIGIN', 'EMPLOYEE_ONLINE_ORIGIN']),
    amount: amountCents / 100,
    rawAmount: (adjustmentType === 'REFUND' ? -amountCents : amountCents) / 100,
    tipAmount,
    feeAmount: method.paymentType === 'JOBBER_PAYMENTS' ? Math.round(amountCents * 0.029 + 30) / 100 : null,
    details: rng.chance(0.15) ? 'Paid at the door' : null,
    reference: method.online
      ? `txn_${(invoice.id * 7919 + day).toString(36)}`
      : method.paymentType === 'CHEQUE'
        ? String(rng.int(1000, 9999))
        : null,
    entryDate,
    sentAt: method.online || rng.chance(0.5) ? entryDate + rng.int(1, 30) * MINUTE_MS : null,
    updatedAt: entryDate,
  };
  payment.updatedAt = payment.sentAt ?? entryDate;
  if (tipAmount !== null) invoice.tipsTotal = Math.round((invoice.tipsTotal + tipAmount) * 100) / 100;
  ctx.records.paymentRecords.push(payment);
  invoice.updatedAt = Math.max(invoice.updatedAt, Math.min(ctx.now, entryDate));
  return payment;
}

/**
 * Card payments through Jobber Payments are mostly paid online, but about one in ten is taken at the
 * door on a card reader and one in ten by tap to pay on the phone. Chosen from the invoice and day,
 * not drawn, so the rest of the history stays as it was.
 */
function onlineOrigin(method: Omit<Method, 'weight'>, key: number): string {
  if (method.typename !== 'JobberPaymentsCreditCardPaymentRecord') return 'CLIENT_ONLINE_ORIGIN';
  const slot = key % 10;
  return slot === 0 ? 'CARD_READER' : slot === 1 ? 'TAP_TO_PAY' : 'CLIENT_ONLINE_ORIGIN';
}

function recordBalance(ctx: GenContext, invoice: InvoiceRecord, last: PaymentRecord | undefined): void {
  const balanceCents = Math.round(invoice.total * 100) - Math.round(invoice.paymentsTotal * 100);
  invoice.invoiceBalance = balanceCents / 100;
  const dueDay = invoice.dueDate === null ? ctx.today : ctx.zone.localDay(invoice.dueDate);
  if (balanceCents <= 0) {
    invoice.receivedDate = last ? ctx.zone.midnight(ctx.zone.localDay(last.entryDate)) : invoice.issuedDate;
  } else if (dueDay < ctx.today) {
    // Half the invoices never paid and six months past due are written off as bad debt.
    invoice.isBadDebt = dueDay < ctx.today - 180 && invoice.paymentsTotal === 0 && ctx.rng.chance(0.5);
  }
  if (invoice.issuedDate !== null && ctx.rng.chance(0.6)) {
    invoice.dateViewedInClientHub = Math.min(
      ctx.now - MINUTE_MS,
      invoice.createdAt + ctx.rng.int(30, 4000) * MINUTE_MS,
    );
  }
}
