/**
 * The Jobber accounts every sandbox holds: different trades, time zones and sizes, so isolation
 * between accounts and time-zone handling can be tested. The first one is the demo account.
 */
export type DataSize = 'tiny' | 'small' | 'large';

export interface Region {
  readonly country: string;
  readonly province: string;
  readonly cities: readonly string[];
  readonly latitude: number;
  readonly longitude: number;
  readonly postalCode: 'us' | 'ca' | 'au';
  readonly phonePrefix: string;
}

export interface TaxRateSpec {
  readonly name: string;
  readonly label: string;
  readonly percent: number;
  readonly isDefault: boolean;
}

export interface AccountSpec {
  /** 1-based; ids of this account's records are offset by index × ID_BLOCK. */
  readonly index: number;
  readonly name: string;
  readonly timeZone: string;
  readonly trade: 'landscaping' | 'cleaning' | 'pools';
  readonly region: Region;
  readonly taxRates: readonly TaxRateSpec[];
  /** Share of the demo account's volume. */
  readonly scale: number;
  /** Southern-hemisphere seasons are shifted by half a year. */
  readonly southern: boolean;
  readonly emailDomain: string;
}

export const ID_BLOCK = 10_000_000;

export const ACCOUNT_SPECS: readonly AccountSpec[] = [
  {
    index: 1,
    name: 'Summit Lawn & Snow',
    timeZone: 'America/Denver',
    trade: 'landscaping',
    region: {
      country: 'United States',
      province: 'CO',
      cities: ['Denver', 'Aurora', 'Lakewood', 'Littleton', 'Englewood', 'Arvada', 'Westminster', 'Golden'],
      latitude: 39.74,
      longitude: -104.99,
      postalCode: 'us',
      phonePrefix: '303',
    },
    taxRates: [
      { name: 'Denver Sales Tax', label: 'Sales Tax', percent: 8.81, isDefault: true },
      { name: 'Colorado State Tax', label: 'State Tax', percent: 2.9, isDefault: false },
      { name: 'Tax Exempt', label: 'Exempt', percent: 0, isDefault: false },
    ],
    scale: 1,
    southern: false,
    emailDomain: 'summitlawn.example',
  },
  {
    index: 2,
    name: 'Maple Leaf Home Cleaning',
    timeZone: 'America/Toronto',
    trade: 'cleaning',
    region: {
      country: 'Canada',
      province: 'ON',
      cities: ['Toronto', 'Mississauga', 'Etobicoke', 'North York', 'Scarborough', 'Markham', 'Vaughan'],
      latitude: 43.65,
      longitude: -79.38,
      postalCode: 'ca',
      phonePrefix: '416',
    },
    taxRates: [
      { name: 'HST', label: 'HST', percent: 13, isDefault: true },
      { name: 'Zero-rated', label: 'Exempt', percent: 0, isDefault: false },
    ],
    scale: 0.3,
    southern: false,
    emailDomain: 'mapleleafclean.example',
  },
  {
    index: 3,
    name: 'Harbour Pool & Garden',
    timeZone: 'Australia/Sydney',
    trade: 'pools',
    region: {
      country: 'Australia',
      province: 'NSW',
      cities: ['Parramatta', 'Chatswood', 'Manly', 'Bondi', 'Ryde', 'Hornsby', 'Cronulla'],
      latitude: -33.87,
      longitude: 151.21,
      postalCode: 'au',
      phonePrefix: '02',
    },
    taxRates: [{ name: 'GST', label: 'GST', percent: 10, isDefault: true }],
    scale: 0.15,
    southern: true,
    emailDomain: 'harbourpool.example',
  },
];

/** How much business the demo account did over its history, per size. */
export interface SizeProfile {
  readonly clients: number;
  readonly jobs: number;
  readonly crew: number;
}

export const SIZE_PROFILES: Record<DataSize, SizeProfile> = {
  tiny: { clients: 60, jobs: 140, crew: 4 },
  small: { clients: 650, jobs: 1_600, crew: 7 },
  large: { clients: 16_000, jobs: 47_000, crew: 14 },
};

export function profileFor(size: DataSize, spec: AccountSpec): SizeProfile {
  const base = SIZE_PROFILES[size];
  const scaled = (n: number, min: number): number => Math.max(min, Math.round(n * spec.scale));
  return {
    clients: scaled(base.clients, 20),
    jobs: scaled(base.jobs, 40),
    crew: Math.max(3, Math.round(base.crew * Math.sqrt(spec.scale))),
  };
}
