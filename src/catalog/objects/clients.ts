/** Clients and leads: who the customers are, where they are and what they owe. */
import { computed, flag, group, money, recordCount, text, timestamp } from '../fields';
import { isJsonObject, type JsonValue } from '../../json';
import { asText, at, nodesOf } from '../read';
import type { CatalogObject } from '../types';
import { billingAddressFields, jobberLink } from './shared';

const readEmails = at('emails');
const readPhones = at('phones');
const readTags = at('tags');
const readLabel = at('label');
const readIsLead = at('isLead');

/** The primary entry of a list of emails or phones (the first one when none is marked primary). */
function primaryOf(list: JsonValue | undefined, key: string): string | null {
  if (!Array.isArray(list)) return null;
  const entries = list.filter(isJsonObject);
  const primary = entries.find((entry) => entry['primary'] === true) ?? entries[0];
  return primary ? asText(primary[key]) : null;
}

export const clients: CatalogObject = {
  id: 'clients',
  label: 'Clients',
  description: 'One row per client or lead: contact, billing address, tags and balance.',
  root: { connection: 'clients', singular: 'client', filterType: 'ClientFilterAttributes' },
  dateOptions: [
    { fieldId: 'createdAt', label: 'Created', filterArgument: 'createdAt', precision: 'timestamp' },
    { fieldId: 'updatedAt', label: 'Last updated', filterArgument: 'updatedAt', precision: 'timestamp' },
  ],
  allTime: true,
  replication: { changes: { kind: 'since', arguments: ['updatedAt'] }, sliceBy: 'createdAt' },
  fields: [
    ...group('Client', [
      text({ id: 'clientId', label: 'Client ID', path: 'id', description: "Jobber's id of the client." }),
      text({
        id: 'clientName',
        label: 'Client name',
        path: 'name',
        description: 'Display name (company name for companies).',
      }),
      text({ id: 'firstName', label: 'First name', description: 'Contact’s first name.' }),
      text({ id: 'lastName', label: 'Last name', description: 'Contact’s last name.' }),
      text({ id: 'companyName', label: 'Company name', description: 'Company name, for companies.' }),
      text({ id: 'title', label: 'Title', description: 'Contact’s title (Mr., Ms., …).' }),
      flag({
        id: 'isCompany',
        label: 'Company',
        description: 'Whether the client is a company.',
        pushdown: { kind: 'boolean', argument: 'isCompany' },
      }),
      flag({
        id: 'isLead',
        label: 'Lead',
        description: 'Whether the client is still a lead (no work done yet).',
        pushdown: { kind: 'boolean', argument: 'isLead' },
      }),
      flag({
        id: 'isArchived',
        label: 'Archived',
        description: 'Whether the client is archived.',
        pushdown: { kind: 'boolean', argument: 'isArchived' },
      }),
      computed({
        id: 'tags',
        label: 'Tags',
        description: 'The client’s tags, comma separated.',
        type: 'TEXT',
        concept: 'DIMENSION',
        select: ['tags.nodes.label'],
        read: (node) => {
          const labels = nodesOf(readTags(node))
            .map((tag) => asText(readLabel(tag)))
            .filter((label): label is string => label !== null && label !== '');
          return labels.length > 0 ? labels.join(', ') : null;
        },
      }),
      jobberLink('Link to the client in Jobber.'),
    ]),
    ...group('Contact', [
      computed({
        id: 'primaryEmail',
        label: 'Email',
        description: 'The client’s primary email address.',
        type: 'TEXT',
        concept: 'DIMENSION',
        select: ['emails.address', 'emails.primary'],
        read: (node) => primaryOf(readEmails(node), 'address'),
      }),
      computed({
        id: 'primaryPhone',
        label: 'Phone',
        description: 'The client’s primary phone number.',
        type: 'TEXT',
        concept: 'DIMENSION',
        select: ['phones.number', 'phones.primary'],
        read: (node) => primaryOf(readPhones(node), 'number'),
      }),
      ...billingAddressFields(['street', 'city', 'province', 'postalCode', 'country']),
    ]),
    ...group('Dates', [
      timestamp({
        id: 'createdAt',
        label: 'Created',
        description: 'When the client (or lead) was added to Jobber.',
      }),
      timestamp({ id: 'updatedAt', label: 'Last updated', description: 'When the client was last changed.' }),
    ]),
    ...group('KPIs', [
      money({
        id: 'balance',
        label: 'Balance',
        description: 'What the client owes right now across all invoices.',
      }),
      computed({
        id: 'leadCount',
        label: 'Leads',
        description: 'The number of leads (1 for a lead, 0 for a client).',
        type: 'NUMBER',
        concept: 'METRIC',
        aggregation: 'SUM',
        select: ['isLead'],
        read: (node) => (readIsLead(node) === true ? 1 : 0),
      }),
      recordCount('clientCount', 'Clients', 'The number of clients and leads (1 per row).'),
    ]),
  ],
  defaultDimension: 'createdAt',
  defaultMetric: 'clientCount',
};
