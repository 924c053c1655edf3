import { FIRST_NAMES, LAST_NAMES } from './catalog';
import type { GenContext } from './context';
import { copyLineItem, lineItemFor } from './money';
import { phoneNumber } from './people';
import type { LineItemRecord, UserRecord, VisitRecord } from './records';

/**
 * Big projects: now and then a one-off job (and a bid that was not won) is a large commercial
 * project with a long bill of materials (21 to 60 lines) whose visits need a big crew (6 to 8).
 * They exist so that a record's nested list is longer than the connector's first page (20 line
 * items, 5 assigned users) in every data size.
 *
 * Every draw here comes from the context's project stream, never the main one, so adding projects
 * leaves the rest of an account's history as it was.
 */

export const PROJECT_LINES = { min: 21, max: 60 } as const;
export const PROJECT_CREW = { min: 6, max: 8 } as const;

/** Temporary crew hired for big projects when the team is too small to staff one. */
const PROJECT_HANDS = 6;

/** One-off jobs (or open bids) between two projects; the first comes early so tiny data has one. */
const GAP = { first: [2, 6], next: [30, 90] } as const;

interface ProjectState {
  untilNext: Record<'job' | 'bid', number>;
  /** Hired at the first project, added to the account's users once all jobs exist. */
  hands: UserRecord[];
}

function stateOf(ctx: GenContext): ProjectState {
  return ctx.memo<ProjectState>('projects', () => ({
    untilNext: {
      job: ctx.projectRng.int(GAP.first[0], GAP.first[1]),
      bid: ctx.projectRng.int(GAP.first[0], GAP.first[1]),
    },
    hands: [],
  }));
}

/** Whether the next one-off job (or open bid) is a big project: about one in sixty. */
export function isBigProject(ctx: GenContext, kind: 'job' | 'bid'): boolean {
  const state = stateOf(ctx);
  state.untilNext[kind] -= 1;
  if (state.untilNext[kind] > 0) return false;
  state.untilNext[kind] = ctx.projectRng.int(GAP.next[0], GAP.next[1]);
  return true;
}

/** The work's own lines followed by material lines, one per area of the site, up to 21–60 lines. */
export function withProjectMaterials(
  ctx: GenContext,
  items: LineItemRecord[],
  createdAt: number,
): LineItemRecord[] {
  const rng = ctx.projectRng;
  const goods = ctx.records.products.filter((product) => product.category === 'PRODUCT');
  const lines = rng.int(PROJECT_LINES.min, PROJECT_LINES.max);
  for (let area = 1; items.length < lines; area++) {
    const product = rng.pick(goods);
    const quantity = product.defaultUnitCost > 500 ? 1 : rng.int(2, 12);
    const item = lineItemFor(ctx, product, quantity, createdAt, rng);
    items.push(copyLineItem(item, 0, { description: `${product.description} (area ${area})` }));
  }
  return items;
}

/** Staffs a project's scheduled visits: their crew, the rest of the team, then project hands. */
export function staffProject(ctx: GenContext, visits: readonly VisitRecord[], jobDay: number): void {
  const rng = ctx.projectRng;
  for (const visit of visits) {
    if (visit.startAt === null) continue;
    const size = rng.int(PROJECT_CREW.min, PROJECT_CREW.max);
    const crew = new Set(visit.assignedUserIds);
    const startAt = visit.startAt;
    const employed = ctx.records.users.filter(
      (user) => user.status === 'ACTIVATED' && user.createdAt <= startAt,
    );
    for (const user of shuffled(ctx, employed)) if (crew.size < size) crew.add(user.id);
    if (crew.size < size) for (const hand of handsFor(ctx, jobDay)) if (crew.size < size) crew.add(hand.id);
    visit.assignedUserIds = [...crew];
  }
}

/** The items in a random order (Fisher–Yates on the project stream). */
function shuffled<T>(ctx: GenContext, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = ctx.projectRng.int(0, i);
    const [a, b] = [copy[i], copy[j]];
    if (a === undefined || b === undefined) continue;
    copy[i] = b;
    copy[j] = a;
  }
  return copy;
}

function handsFor(ctx: GenContext, jobDay: number): readonly UserRecord[] {
  const state = stateOf(ctx);
  while (state.hands.length < PROJECT_HANDS) state.hands.push(newHand(ctx, jobDay));
  return state.hands;
}

function newHand(ctx: GenContext, jobDay: number): UserRecord {
  const rng = ctx.projectRng;
  const firstName = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(LAST_NAMES);
  return {
    id: ctx.nextId('users'),
    firstName,
    lastName,
    email: `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '') + `@${ctx.spec.emailDomain}`,
    phone: phoneNumber(rng, ctx.spec.region),
    role: 'crew',
    status: 'ACTIVATED',
    isAccountOwner: false,
    isAccountAdmin: false,
    labourRate: rng.int(22, 30),
    timeZone: ctx.spec.timeZone,
    createdAt: ctx.at(jobDay - 30, 9 * 60),
    lastLoginAt: ctx.now - rng.int(1, 72 * 60) * 60_000,
  };
}

/**
 * Adds the project hands to the account's users. Called once every job exists: the ordinary crew
 * of each day is drawn from the users list, which must not change while visits are scheduled.
 */
export function hireProjectHands(ctx: GenContext): void {
  ctx.records.users.push(...stateOf(ctx).hands);
}
