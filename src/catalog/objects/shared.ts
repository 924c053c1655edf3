/** Fields several objects share, so the same id means the same thing on every object. */
import { city, country, region, text, url, type FieldDraft } from '../fields';
import type { RelatedChanges } from '../types';

/** The client a record shows (its name, …) changes by itself: the copy follows clients' updatedAt. */
export const CLIENT_CHANGES: RelatedChanges = { field: 'client', object: 'clients', argument: 'updatedAt' };

/** The client a record belongs to. `clientIdFilter` names the root filter argument, when Jobber has one. */
export function clientFields(options: { path?: string; clientIdFilter?: string } = {}): FieldDraft[] {
  const base = options.path ?? 'client';
  return [
    text({
      id: 'clientId',
      label: 'Client ID',
      path: `${base}.id`,
      description: "Jobber's id of the client. Stable; use it to blend with other data sources.",
      ...(options.clientIdFilter
        ? { pushdown: { kind: 'id', argument: options.clientIdFilter, idType: 'Client' } }
        : {}),
    }),
    text({
      id: 'clientName',
      label: 'Client name',
      path: `${base}.name`,
      description: 'The client’s display name (company name for companies).',
    }),
  ];
}

export function jobberLink(description: string): FieldDraft {
  return url({ id: 'jobberWebUri', label: 'Open in Jobber', description });
}

/** The id of the record itself, under a descriptive id such as `invoiceId`. */
export function recordId(id: string, label: string, description: string): FieldDraft {
  return text({ id, label, path: 'id', description });
}

const BILLING_ADDRESS_PARTS = {
  street: (path: string) =>
    text({ id: 'billingStreet', label: 'Billing street', path, description: 'Billing street address.' }),
  city: (path: string) =>
    city({ id: 'billingCity', label: 'Billing city', path, description: 'City of the billing address.' }),
  province: (path: string) =>
    region({
      id: 'billingProvince',
      label: 'Billing province or state',
      path,
      description: 'Province or state of the billing address.',
    }),
  postalCode: (path: string) =>
    text({
      id: 'billingPostalCode',
      label: 'Billing postal code',
      path,
      description: 'Postal or ZIP code of the billing address.',
    }),
  country: (path: string) =>
    country({
      id: 'billingCountry',
      label: 'Billing country',
      path,
      description: 'Country of the billing address.',
    }),
} satisfies Record<string, (path: string) => FieldDraft>;

/** Parts of a record's `billingAddress`, in the order given, under the same ids on every object. */
export function billingAddressFields(parts: readonly (keyof typeof BILLING_ADDRESS_PARTS)[]): FieldDraft[] {
  return parts.map((part) => BILLING_ADDRESS_PARTS[part](`billingAddress.${part}`));
}
