import type { Random } from '../core/random';
import type { Region } from './accounts';
import {
  ACCOUNT_TAGS,
  CLIENT_TAGS,
  COMPANY_KINDS,
  COMPANY_WORDS,
  FIRST_NAMES,
  LAST_NAMES,
  STREET_NAMES,
  STREET_TYPES,
  TRADE_CATALOGS,
} from './catalog';
import { roundMoney, type GenContext } from './context';
import type { Address, ClientRecord, PropertyRecord, UserRecord } from './records';

/**
 * Where an account's office manager works from when not at the office: their own User.timezone
 * differs from the owner's, so a connector that read the connecting user's zone instead of the
 * account owner's would show the demo account's dates an hour off.
 */
const REMOTE_OFFICE_ZONES: Readonly<Record<string, string>> = { 'America/Denver': 'America/Phoenix' };

/** The account's team: an owner, office staff and field crew (one former employee deactivated). */
export function generateUsers(ctx: GenContext): void {
  const roles: UserRecord['role'][] = [
    'owner',
    'office',
    ...Array<UserRecord['role']>(ctx.profile.crew).fill('crew'),
  ];
  roles.forEach((role, position) => {
    const firstName = ctx.rng.pick(FIRST_NAMES);
    const lastName = ctx.rng.pick(LAST_NAMES);
    const createdDay =
      position === 0 ? ctx.firstDay - 400 : ctx.businessDay(ctx.firstDay - 200, ctx.today - 30);
    const deactivated = role === 'crew' && position === roles.length - 1;
    ctx.records.users.push({
      id: ctx.nextId('users'),
      firstName,
      lastName,
      email: `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '') + `@${ctx.spec.emailDomain}`,
      phone: phoneNumber(ctx.rng, ctx.spec.region),
      role,
      status: deactivated ? 'DEACTIVATED' : 'ACTIVATED',
      isAccountOwner: role === 'owner',
      isAccountAdmin: role !== 'crew',
      labourRate: role === 'crew' ? ctx.rng.int(22, 34) : role === 'office' ? 28 : 45,
      timeZone:
        role === 'office' ? (REMOTE_OFFICE_ZONES[ctx.spec.timeZone] ?? ctx.spec.timeZone) : ctx.spec.timeZone,
      createdAt: ctx.at(createdDay, 9 * 60),
      lastLoginAt: deactivated ? null : ctx.now - ctx.rng.int(1, 72 * 60) * 60_000,
    });
  });
}

export function generateTaxRates(ctx: GenContext): void {
  for (const rate of ctx.spec.taxRates) {
    ctx.records.taxRates.push({
      id: ctx.nextId('taxRates'),
      name: rate.name,
      label: rate.label,
      tax: rate.percent,
      default: rate.isDefault,
      description: rate.percent === 0 ? 'For tax-exempt clients' : null,
    });
  }
}

export function generateProducts(ctx: GenContext): void {
  for (const item of TRADE_CATALOGS[ctx.spec.trade] ?? []) {
    const internalUnitCost = roundMoney(item.price * item.costShare);
    ctx.records.products.push({
      id: ctx.nextId('products'),
      name: item.name,
      description: item.description,
      category: item.category,
      defaultUnitCost: item.price,
      internalUnitCost,
      markup: roundMoney(((item.price - internalUnitCost) / internalUnitCost) * 100),
      taxable: item.taxable,
      visible: !item.name.includes('Consultation'),
      durationMinutes: item.durationMinutes,
    });
  }
}

/** Clients (people and companies, some leads, some archived), each with one or more properties. */
export function generateClients(ctx: GenContext): void {
  const days = Array.from({ length: ctx.profile.clients }, () =>
    ctx.businessDay(ctx.firstDay - 240, ctx.today),
  );
  days.sort((a, b) => a - b);
  let companies = 0;
  for (const day of days) {
    const client = newClient(ctx, day);
    if (client.isCompany) {
      if (companies % WELL_TAGGED_EVERY === 0) client.tags = wellTagged(companies / WELL_TAGGED_EVERY);
      companies += 1;
    }
    ctx.records.clients.push(client);
    const propertyCount = client.isCompany
      ? ctx.rng.weighted([
          [1, 6],
          [2, 2],
          [3, 1],
        ])
      : ctx.rng.chance(0.06)
        ? 2
        : 1;
    for (let n = 0; n < propertyCount; n++) ctx.records.properties.push(newProperty(ctx, client, n));
  }
}

/**
 * The first company client, then one in thirty, tags everything: its tag list is longer than the
 * connector's first page (10), in every data size. Chosen without drawing from the random stream,
 * so the rest of the history stays as it was.
 */
const WELL_TAGGED_EVERY = 30;

/** 11 to 15 tags: every common one and some of the account labels, more for every nth such client. */
function wellTagged(nth: number): string[] {
  return [...CLIENT_TAGS, ...ACCOUNT_TAGS.slice(0, 3 + (nth % 5))];
}

function newClient(ctx: GenContext, day: number): ClientRecord {
  const { rng } = ctx;
  const firstName = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(LAST_NAMES);
  const isCompany = rng.chance(0.18);
  const companyName = isCompany ? `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_KINDS)}` : null;
  const createdAt = ctx.at(day, rng.int(8 * 60, 18 * 60));
  const id = ctx.nextId('clients');
  const emailUser = `${firstName}.${lastName}${rng.int(1, 99)}`.toLowerCase().replace(/[^a-z0-9.]/g, '');
  return {
    id,
    firstName,
    lastName,
    companyName,
    isCompany,
    isLead: day > ctx.today - 400 && rng.chance(0.12),
    isArchived: rng.chance(0.05),
    title: rng.chance(0.15) ? rng.pick(['Mr.', 'Mrs.', 'Ms.', 'Dr.']) : null,
    tags: rng.sample(
      CLIENT_TAGS,
      rng.weighted([
        [0, 5],
        [1, 4],
        [2, 1],
      ]),
    ),
    emails: [
      { id: ctx.nextId('emails'), address: `${emailUser}@example.com`, description: 'MAIN', primary: true },
    ],
    phones: [
      {
        id: ctx.nextId('phones'),
        number: phoneNumber(rng, ctx.spec.region),
        description: rng.pick(['MOBILE', 'MAIN', 'WORK']),
        primary: true,
        smsAllowed: rng.chance(0.6),
      },
    ],
    billingAddress: newAddress(rng, ctx.spec.region),
    balance: 0,
    createdAt,
    updatedAt: rng.chance(0.3) ? Math.min(ctx.now, createdAt + rng.int(1, 400) * 86_400_000) : createdAt,
  };
}

function newProperty(ctx: GenContext, client: ClientRecord, position: number): PropertyRecord {
  const exempt = ctx.records.taxRates.find((rate) => rate.tax === 0);
  return {
    id: ctx.nextId('properties'),
    clientId: client.id,
    address: position === 0 ? client.billingAddress : newAddress(ctx.rng, ctx.spec.region),
    isBillingAddress: position === 0,
    taxRateId: exempt && ctx.rng.chance(0.04) ? exempt.id : null,
    routingOrder: ctx.rng.chance(0.3) ? ctx.rng.int(1, 40) : null,
    createdAt: client.createdAt + position * 60_000,
  };
}

export function newAddress(rng: Random, region: Region): Address {
  const street2 = rng.chance(0.12) ? `Unit ${rng.int(1, 40)}` : '';
  return {
    street1: `${rng.int(12, 9899)} ${rng.pick(STREET_NAMES)} ${rng.pick(STREET_TYPES)}`,
    street2,
    city: rng.pick(region.cities),
    province: region.province,
    postalCode: postalCode(rng, region.postalCode),
    country: region.country,
    latitude: Math.round((region.latitude + rng.around(0, 0.12)) * 1e6) / 1e6,
    longitude: Math.round((region.longitude + rng.around(0, 0.16)) * 1e6) / 1e6,
  };
}

function postalCode(rng: Random, format: Region['postalCode']): string {
  if (format === 'us') return `80${rng.int(200, 299)}`;
  if (format === 'au') return String(rng.int(2000, 2234));
  const letter = (): string => rng.pick('ABCEGHJKLMNPRSTVXY'.split(''));
  return `M${rng.int(1, 9)}${letter()} ${rng.int(1, 9)}${letter()}${rng.int(1, 9)}`;
}

export function phoneNumber(rng: Random, region: Region): string {
  const line = `${rng.int(200, 989)}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
  return region.postalCode === 'au' ? `(${region.phonePrefix}) 9${line}` : `(${region.phonePrefix}) ${line}`;
}

export function displayName(client: ClientRecord): string {
  return client.companyName ?? `${client.firstName} ${client.lastName}`;
}
