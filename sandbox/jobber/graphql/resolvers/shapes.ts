import { encodeId } from '../../core/ids';
import type { AccountData } from '../../data/account-data';
import type { Address, ClientRecord, UserRecord } from '../../data/records';

/** Nested GraphQL objects built from stored records (addresses, names, amounts). */

export function webUri(kind: string, id: number): string {
  return `https://secure.getjobber.com/${kind}/${id}`;
}

export function clientAddress(address: Address): Record<string, string> {
  return {
    street: [address.street1, address.street2].filter((part) => part !== '').join(', '),
    street1: address.street1,
    street2: address.street2,
    city: address.city,
    province: address.province,
    postalCode: address.postalCode,
    country: address.country,
    latitude: String(address.latitude),
    longitude: String(address.longitude),
  };
}

export function geoPoint(address: Address): Record<string, unknown> {
  return {
    latitude: address.latitude,
    longitude: address.longitude,
    latitudeString: String(address.latitude),
    longitudeString: String(address.longitude),
    point: `POINT (${address.longitude} ${address.latitude})`,
  };
}

/** A PropertyAddress or InvoiceBillingAddress (AddressInterface shape). */
export function addressWithCoordinates(address: Address, id: string | null): Record<string, unknown> {
  return {
    id,
    street: [address.street1, address.street2].filter((part) => part !== '').join(', '),
    street1: address.street1,
    street2: address.street2,
    city: address.city,
    province: address.province,
    postalCode: address.postalCode,
    country: address.country,
    coordinates: geoPoint(address),
  };
}

export function userName(user: UserRecord): Record<string, string> {
  return { first: user.firstName, last: user.lastName, full: `${user.firstName} ${user.lastName}` };
}

export function userPhone(user: UserRecord): Record<string, unknown> {
  const digits = user.phone.replace(/\D/g, '');
  return {
    raw: user.phone,
    friendly: user.phone,
    areaCode: digits.slice(0, 3),
    countryCode: '1',
    isValid: true,
  };
}

export function clientEmails(client: ClientRecord): Record<string, unknown>[] {
  return client.emails.map((email) => ({ ...email, id: encodeId('Email', email.id), clientId: client.id }));
}

export function clientPhones(client: ClientRecord): Record<string, unknown>[] {
  return client.phones.map((phone) => ({
    id: encodeId('ClientPhoneNumber', phone.id),
    clientId: client.id,
    description: phone.description,
    primary: phone.primary,
    smsAllowed: phone.smsAllowed,
    number: phone.number,
    friendly: phone.number,
    normalizedPhoneNumber: `+1${phone.number.replace(/\D/g, '')}`,
  }));
}

/** The account as the `Account` type sees it. */
export function accountObject(data: AccountData): Record<string, unknown> {
  const owner = data.records.users.find((user) => user.isAccountOwner);
  const earliestIssued = data.records.invoices.reduce<number | null>(
    (earliest, { issuedDate }) =>
      issuedDate === null || (earliest !== null && earliest <= issuedDate) ? earliest : issuedDate,
    null,
  );
  return {
    id: encodeId('Account', data.spec.index),
    name: data.spec.name,
    createdAt: owner?.createdAt ?? 0,
    phone: owner?.phone ?? null,
    dedicatedPhoneNumber: null,
    signupName: owner ? `${owner.firstName} ${owner.lastName}` : null,
    earliestInvoiceIssuedDate: earliestIssued,
    features: ACCOUNT_FEATURES,
  };
}

const ACCOUNT_FEATURES = [
  { name: 'Jobber Payments', available: true, discoverable: true, enabled: true },
  { name: 'Job Costing', available: true, discoverable: true, enabled: true },
  { name: 'Quote Follow-ups', available: true, discoverable: true, enabled: false },
];
