import type { AccountData } from '../../data/account-data';
import { displayName } from '../../data/people';
import type { ClientRecord, PropertyRecord, RequestRecord } from '../../data/records';
import type { Args } from '../context';
import { dateRange, decodeFilterId, equals, idEquals, search, type Predicate } from '../filters';
import { descending } from '../sorting';
import { filterOf, sortInputs, type ListSpec } from './helpers';

/** The root lists of clients, their properties and requests: filters, searches, sorts, default orders. */

export function clientsSpec(args: Args, data: AccountData): ListSpec<ClientRecord> {
  const filter = filterOf(args);
  return {
    where: [
      equals(filter.isCompany as boolean | undefined, (client: ClientRecord) => client.isCompany),
      equals(filter.isLead as boolean | undefined, (client: ClientRecord) => client.isLead),
      equals(filter.isArchived as boolean | undefined, (client: ClientRecord) => client.isArchived),
      dateRange(filter.updatedAt, (client: ClientRecord) => client.updatedAt),
      dateRange(filter.createdAt, (client: ClientRecord) => client.createdAt),
      taggedWithAll(filter.tags),
      search(args.searchTerm, clientSearchTexts(args.searchFields, data)),
    ],
    sortKeys: {
      PRIMARY_NAME: (client) => displayName(client),
      UPDATED_AT: (client) => client.updatedAt,
      FIRST_NAME: (client) => client.firstName,
      LAST_NAME: (client) => client.lastName,
    },
    sort: sortInputs(args),
    defaultOrder: [descending('UPDATED_AT')],
  };
}

/** Our reading of `filter.tags`: clients carrying every tag listed (case-insensitive). */
function taggedWithAll(input: unknown): Predicate<ClientRecord> | undefined {
  if (!Array.isArray(input) || input.length === 0) return undefined;
  const wanted = input.map((tag) => String(tag).toLowerCase());
  return (client) => {
    const tags = new Set(client.tags.map((tag) => tag.toLowerCase()));
    return wanted.every((tag) => tags.has(tag));
  };
}

type ClientTexts = (client: ClientRecord) => string[];

/** What a client search looks at, per ClientSearchField; every field when none is given. */
function clientSearchTexts(fields: unknown, data: AccountData): ClientTexts {
  const bySearchField: Record<string, ClientTexts> = {
    NAMES: (client) => [displayName(client), client.firstName, client.lastName, client.companyName ?? ''],
    EMAILS: (client) => client.emails.map((email) => email.address),
    PRIMARY_EMAIL: (client) => client.emails.filter((email) => email.primary).map((email) => email.address),
    PHONES: (client) => client.phones.map((phone) => phone.number),
    NOTES: () => [],
    CUSTOM_FIELDS: () => [],
    PROPERTIES: (client) =>
      data
        .childrenOf('properties', 'clientId', client.id)
        .flatMap((property) => [property.address.street1, property.address.city]),
  };
  const chosen = Array.isArray(fields) && fields.length > 0 ? fields.map(String) : Object.keys(bySearchField);
  const readers = chosen.map((field) => bySearchField[field]).filter((read) => read !== undefined);
  return (client) => readers.flatMap((read) => read(client));
}

export function propertiesSpec(args: Args): ListSpec<PropertyRecord> {
  const filter = filterOf(args);
  return {
    where: [
      idEquals(filter.clientId, 'Client', 'filter.clientId', (property: PropertyRecord) => property.clientId),
      search(args.searchTerm, (property: PropertyRecord) => [
        property.address.street1,
        property.address.city,
        property.address.postalCode,
      ]),
    ],
    sortKeys: { CREATED_AT: (property) => property.createdAt },
    defaultOrder: [descending('CREATED_AT')],
  };
}

const REQUEST_STATUS_ORDER = [
  'new',
  'today',
  'upcoming',
  'overdue',
  'unscheduled',
  'assessment_completed',
  'completed',
  'converted',
  'archived',
];

export function requestsSpec(args: Args, data: AccountData): ListSpec<RequestRecord> {
  const filter = filterOf(args);
  const client = (request: RequestRecord) => data.find('clients', request.clientId);
  const statusRank = (request: RequestRecord) => REQUEST_STATUS_ORDER.indexOf(request.requestStatus);
  return {
    where: [
      unassigned(decodeFilterId(filter.assignedTo, 'User', 'filter.assignedTo')),
      idEquals(filter.clientId, 'Client', 'filter.clientId', (request: RequestRecord) => request.clientId),
      idEquals(
        filter.propertyId,
        'Property',
        'filter.propertyId',
        (request: RequestRecord) => request.propertyId,
      ),
      equals(filter.status as string | undefined, (request: RequestRecord) => request.requestStatus),
      dateRange(filter.updatedAt, (request: RequestRecord) => request.updatedAt),
      dateRange(filter.createdAt, (request: RequestRecord) => request.createdAt),
      search(args.searchTerm, (request: RequestRecord) => [
        request.title,
        request.contactName,
        request.companyName,
        request.email,
      ]),
    ],
    sortKeys: {
      UPDATED_AT: (request) => request.updatedAt,
      TITLE: (request) => request.title,
      REQUESTED_AT: (request) => request.createdAt,
      STATUS: statusRank,
      STATUS_AND_REQUESTED_AT: (request) => statusRank(request) * 1e13 - request.createdAt,
      PRIMARY_NAME: (request) => {
        const found = client(request);
        return found ? displayName(found) : null;
      },
      FIRST_NAME: (request) => client(request)?.firstName ?? null,
      LAST_NAME: (request) => client(request)?.lastName ?? null,
    },
    sort: sortInputs(args),
    defaultOrder: [descending('UPDATED_AT')],
  };
}

/** The sandbox's requests have no assessment, so nobody is assigned to them. */
function unassigned(userId: number | undefined): Predicate<RequestRecord> | undefined {
  return userId === undefined ? undefined : () => false;
}
