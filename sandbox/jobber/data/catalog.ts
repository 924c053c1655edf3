/** Word lists the generator draws from: names, places and each trade's price list. */

/** Splits a block of words on the separator (and line breaks), dropping blanks. */
function words(block: string, separator: string): string[] {
  return block
    .split('\n')
    .flatMap((line) => line.split(separator))
    .map((word) => word.trim())
    .filter((word) => word.length > 0);
}

export const FIRST_NAMES = words(
  `
Olivia Liam Emma Noah Ava Elijah Sophia James Isabella William Mia Benjamin Charlotte Lucas
Amelia Henry Harper Theodore Evelyn Jack Abigail Levi Emily Alexander Ella Jackson Elizabeth
Mateo Camila Daniel Luna Michael Sofia Mason Avery Sebastian Scarlett Ethan Madison Logan Aria
Owen Chloe Samuel Grace Jacob Nora Asher Riley Aiden Priya Wei Mohammed Aisha Hiroshi Mei Diego
Lucia Kwame Fatima Raj Ingrid Tomasz Siobhan Andrei Yara Kenji Chen Omar Leila
`,
  ' ',
);

export const LAST_NAMES = words(
  `
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill
Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Patel Singh Chen
Wong Kim Tremblay Gagnon MacDonald Murphy O'Brien Kowalski Novak Rossi Schmidt Haddad Okafor
Nakamura Larsen Dubois Fischer
`,
  ' ',
);

export const COMPANY_WORDS = words(
  `
Pinecrest, Riverside, Summit, Blue Spruce, Oakridge, Harbourview, Lakeshore, Northgate
Cedar Grove, Willow Creek, Redstone, Meadowbrook, Silverleaf, Granite Peak, Maplewood, Westfield
Sunrise, Stonebridge, Elm Street, Highland
`,
  ',',
);

export const COMPANY_KINDS = words(
  `
Property Management, Dental Clinic, HOA, Apartments, Church, Veterinary Hospital, Business Park
Law Office, Montessori School, Fitness Studio, Realty, Medical Centre, Self Storage, Auto Repair
Coffee Roasters, Brewing Co.
`,
  ',',
);

export const STREET_NAMES = words(
  `
Maple Oak Pine Cedar Elm Birch Willow Aspen Spruce Juniper Lakeview Hillcrest Sunset Park Meadow
Ridge Valley Forest River Highland Washington Lincoln Jefferson Franklin Madison Victoria Queen
King Church Mill Colfax Evans Yonge Bloor Dundas George Pitt Macquarie Elizabeth Harris
`,
  ' ',
);

export const STREET_TYPES = ['St', 'Ave', 'Rd', 'Dr', 'Ln', 'Ct', 'Way', 'Blvd', 'Pl', 'Cres'];

export const CLIENT_TAGS = [
  'VIP',
  'Residential',
  'Commercial',
  'Referral',
  'Seasonal',
  'Pays late',
  'Gate code',
  'Dog on site',
];

/**
 * Labels only a well-organised commercial client uses, on top of all the common ones: with them a
 * client carries 11 to 15 tags, more than the connector's first page of 10.
 */
export const ACCOUNT_TAGS = [
  'Annual contract',
  'Snow contract',
  'Irrigation',
  'Key on file',
  'HOA',
  'Net 30',
  'Prefers email',
];

export const REQUEST_SOURCES = [
  ['Online Booking', 5],
  ['Phone', 4],
  ['Email', 2],
  ['Referral', 2],
  ['Google', 3],
  ['Facebook', 1],
  ['Client Hub', 2],
] as const;

export const EXPENSE_TITLES = [
  ['Fuel', 6],
  ['Materials', 5],
  ['Dump fees', 2],
  ['Equipment repair', 2],
  ['Equipment rental', 1],
  ['Safety gear', 1],
  ['Vehicle maintenance', 2],
  ['Parking', 1],
] as const;

export interface CatalogItem {
  readonly name: string;
  readonly description: string;
  readonly category: 'SERVICE' | 'PRODUCT';
  readonly price: number;
  /** Internal cost as a share of the price. */
  readonly costShare: number;
  readonly taxable: boolean;
  readonly durationMinutes: number;
}

const service = (name: string, description: string, price: number, minutes: number): CatalogItem => ({
  name,
  description,
  category: 'SERVICE',
  price,
  costShare: 0.18,
  taxable: false,
  durationMinutes: minutes,
});

const product = (name: string, description: string, price: number): CatalogItem => ({
  name,
  description,
  category: 'PRODUCT',
  price,
  costShare: 0.55,
  taxable: true,
  durationMinutes: 0,
});

export const TRADE_CATALOGS: Record<string, readonly CatalogItem[]> = {
  landscaping: [
    service('Weekly Lawn Mowing', 'Mow, trim and blow all lawn areas', 55, 45),
    service('Bi-weekly Lawn Mowing', 'Mow, trim and blow every second week', 65, 50),
    service('Spring Cleanup', 'Rake beds, remove debris, first cut', 285, 240),
    service('Fall Cleanup', 'Leaf removal and bed cutback', 320, 270),
    service('Core Aeration', 'Core aerate all turf areas', 145, 90),
    service('Fertilizer Application', 'Granular slow-release fertilizer', 85, 30),
    service('Hedge Trimming', 'Trim hedges and shrubs, haul clippings', 180, 150),
    service('Snow Removal - Driveway', 'Plow and shovel driveway and walks', 75, 40),
    service('Sprinkler Startup', 'Pressurize and test irrigation system', 95, 60),
    service('Sprinkler Blowout', 'Winterize irrigation lines', 85, 45),
    service('Tree Pruning', 'Prune small ornamental trees', 240, 180),
    service('Landscape Design Consultation', 'On-site design consultation', 150, 90),
    product('Mulch (cubic yard)', 'Premium shredded cedar mulch, installed', 68),
    product('River Rock (ton)', 'Decorative river rock, installed', 210),
    product('Perennial Plant (1 gal)', 'Assorted perennials', 18),
    product('Sod (pallet)', 'Kentucky bluegrass sod, 450 sq ft', 395),
    product('Ice Melt (bag)', 'Pet-safe ice melt, 50 lb', 32),
  ],
  cleaning: [
    service('Standard Home Cleaning', 'Kitchen, bathrooms, dusting, floors', 165, 180),
    service('Deep Cleaning', 'Top-to-bottom clean incl. baseboards and inside appliances', 340, 360),
    service('Move-out Cleaning', 'Empty-home clean for move-out', 420, 420),
    service('Office Cleaning', 'Nightly office cleaning', 210, 150),
    service('Window Washing (interior)', 'Interior windows and tracks', 140, 120),
    service('Window Washing (exterior)', 'Exterior windows, ground and second floor', 190, 150),
    service('Carpet Steam Cleaning (room)', 'Hot-water extraction per room', 60, 40),
    service('Post-construction Cleaning', 'Dust and debris removal after renovation', 520, 480),
    service('Oven Cleaning', 'Inside oven degrease', 75, 60),
    product('Eco Cleaning Kit', 'Client-requested eco-friendly supplies', 45),
    product('Microfiber Mop Heads', 'Replacement mop heads left with client', 24),
  ],
  pools: [
    service('Weekly Pool Service', 'Skim, vacuum, brush, test and balance', 95, 45),
    service('Green Pool Cleanup', 'Shock and clean a neglected pool', 450, 300),
    service('Filter Clean', 'Cartridge or DE filter clean', 120, 60),
    service('Pool Opening', 'Seasonal opening and startup', 260, 180),
    service('Pool Closing', 'Seasonal closing and winterize', 240, 150),
    service('Garden Maintenance', 'Weed, prune and tidy garden beds', 110, 90),
    service('Pump Repair', 'Diagnose and repair pool pump', 180, 120),
    product('Chlorine (10 kg)', 'Granular chlorine', 89),
    product('Pool Salt (20 kg)', 'Salt for chlorinators', 22),
    product('Replacement Pump', 'Variable-speed pool pump, installed', 1450),
    product('Filter Cartridge', 'Replacement filter cartridge', 165),
  ],
};
