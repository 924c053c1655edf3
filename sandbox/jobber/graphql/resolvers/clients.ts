import { encodeId } from '../../core/ids';
import { displayName } from '../../data/people';
import type { ClientRecord, PropertyRecord, RequestRecord } from '../../data/records';
import { paginate, type ConnectionArgs } from '../connection';
import { on, type ResolverMap } from '../context';
import { hash } from '../connection';
import { children, ref, selectAndSort } from './helpers';
import { jobsSpec } from './work-lists';
import { addressWithCoordinates, clientAddress, clientEmails, clientPhones, webUri } from './shapes';

const byClient = <T extends { id: number }>() => ({
  jobs: children<T, 'jobs'>('jobs', 'clientId'),
  quotes: children<T, 'quotes'>('quotes', 'clientId'),
  invoices: children<T, 'invoices'>('invoices', 'clientId'),
  requests: children<T, 'requests'>('requests', 'clientId'),
});

export const CLIENT_RESOLVERS: ResolverMap = {
  Client: {
    name: on<ClientRecord>((client) => displayName(client)),
    billingAddress: on<ClientRecord>((client) => clientAddress(client.billingAddress)),
    emails: on<ClientRecord>((client) => clientEmails(client)),
    phones: on<ClientRecord>((client) => clientPhones(client)),
    defaultEmails: on<ClientRecord>((client) =>
      client.emails.filter((email) => email.primary).map((email) => email.address),
    ),
    isArchivable: on<ClientRecord>((client) => !client.isArchived),
    tags: on<ClientRecord>((client, args) =>
      paginate(
        client.tags.map((label) => ({ id: encodeId('Tag', parseInt(hash(label), 36)), label })),
        args as ConnectionArgs,
        `tags:${client.id}`,
      ),
    ),
    jobberWebUri: on<ClientRecord>((client) => webUri('clients', client.id)),
    clientProperties: children<ClientRecord, 'properties'>('properties', 'clientId'),
    ...byClient<ClientRecord>(),
    jobs: on<ClientRecord>((client, args, ctx) =>
      paginate(
        selectAndSort(ctx.data.childrenOf('jobs', 'clientId', client.id), jobsSpec(args, ctx.data, ctx.now)),
        args as ConnectionArgs,
        `client-jobs:${client.id}:${JSON.stringify([args.filter, args.sort])}`,
      ),
    ),
  },
  Email: { client: ref<{ clientId: number }, 'clients'>('clients', (email) => email.clientId) },
  ClientPhoneNumber: { client: ref<{ clientId: number }, 'clients'>('clients', (phone) => phone.clientId) },
  Property: {
    address: on<PropertyRecord>((property) =>
      addressWithCoordinates(property.address, encodeId('PropertyAddress', property.id)),
    ),
    client: ref<PropertyRecord, 'clients'>('clients', (property) => property.clientId),
    taxRate: ref<PropertyRecord, 'taxRates'>('taxRates', (property) => property.taxRateId),
    jobberWebUri: on<PropertyRecord>((property) => webUri('properties', property.id)),
    jobs: children<PropertyRecord, 'jobs'>('jobs', 'propertyId'),
    quotes: children<PropertyRecord, 'quotes'>('quotes', 'propertyId'),
    requests: children<PropertyRecord, 'requests'>('requests', 'propertyId'),
  },
  Request: {
    client: ref<RequestRecord, 'clients'>('clients', (request) => request.clientId),
    property: ref<RequestRecord, 'properties'>('properties', (request) => request.propertyId),
    referringClient: ref<RequestRecord, 'clients'>('clients', (request) => request.referringClientId),
    jobberWebUri: on<RequestRecord>((request) => webUri('requests', request.id)),
    jobs: children<RequestRecord, 'jobs'>('jobs', 'requestId'),
    quotes: children<RequestRecord, 'quotes'>('quotes', 'requestId'),
  },
};
