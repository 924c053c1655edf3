import type { GenContext } from './context';
import type { JobRecord, LineItemRecord, UserRecord, VisitRecord } from './records';

const MINUTE_MS = 60_000;

/**
 * Visits of a job: one to three for one-off work, a weekly or fortnightly series for recurring
 * work, none for a few recent unscheduled jobs. Those that ended before "now" were mostly completed.
 */
export function scheduleVisits(
  ctx: GenContext,
  job: JobRecord,
  day: number,
  items: readonly LineItemRecord[],
): VisitRecord[] {
  const { rng } = ctx;
  const startDay = day + (job.jobType === 'RECURRING' ? rng.int(0, 7) : rng.int(0, 14));
  if (job.jobType === 'ONE_OFF' && startDay > ctx.today - 20 && rng.chance(0.05))
    return [addVisit(ctx, job, null, 0, true)];
  const days = visitDays(ctx, job, startDay);
  const workMinutes = Math.max(
    60,
    items.reduce((sum, item) => sum + minutesOf(ctx, item), 0),
  );
  const minutesPerVisit =
    job.jobType === 'RECURRING' ? Math.max(45, workMinutes) : Math.ceil(workMinutes / days.length / 15) * 15;
  return days.map((visitDay, position) =>
    addVisit(ctx, job, visitDay, minutesPerVisit, position === days.length - 1),
  );
}

function visitDays(ctx: GenContext, job: JobRecord, startDay: number): number[] {
  const { rng } = ctx;
  if (job.jobType === 'ONE_OFF') {
    const count = rng.weighted([
      [1, 16],
      [2, 3],
      [3, 1],
    ]);
    return Array.from({ length: count }, (_, n) => startDay + n * rng.int(1, 3));
  }
  const cadence = rng.chance(0.6) ? 7 : 14;
  const count = rng.int(6, 26);
  return Array.from({ length: count }, (_, n) => startDay + n * cadence);
}

function minutesOf(ctx: GenContext, item: LineItemRecord): number {
  const product = ctx.records.products.find((candidate) => candidate.id === item.productId);
  return (product?.durationMinutes ?? 30) * (product?.category === 'SERVICE' ? item.quantity : 0.2);
}

function addVisit(
  ctx: GenContext,
  job: JobRecord,
  day: number | null,
  minutes: number,
  last: boolean,
): VisitRecord {
  const { rng } = ctx;
  const startAt = day === null ? null : ctx.at(day, rng.int(28, 60) * 15);
  const endAt = startAt === null ? null : startAt + minutes * MINUTE_MS;
  const completed = isCompleted(ctx, day, endAt);
  const visit: VisitRecord = {
    id: ctx.nextId('visits'),
    jobId: job.id,
    clientId: job.clientId,
    propertyId: job.propertyId,
    invoiceId: null,
    createdById: ctx.records.users[rng.chance(0.7) ? 1 : 0]?.id ?? null,
    assignedUserIds: day === null ? [] : crewFor(ctx, day).map((user) => user.id),
    title: job.title,
    instructions: job.instructions,
    allDay: false,
    isComplete: completed,
    isLastScheduledVisit: last && day !== null,
    startAt,
    endAt,
    completedAt: completed && endAt !== null ? endAt + rng.int(0, 40) * MINUTE_MS : null,
    createdAt: job.createdAt,
    visitBasedBillingTotal: null,
  };
  ctx.records.visits.push(visit);
  if (startAt !== null && (job.startAt === null || startAt < job.startAt)) job.startAt = startAt;
  if (endAt !== null && (job.endAt === null || endAt > job.endAt)) job.endAt = endAt;
  return visit;
}

/** Whether the crew finished a visit: most that have ended were, the rest are late (statuses.ts). */
function isCompleted(ctx: GenContext, day: number | null, endAt: number | null): boolean {
  if (day === null || endAt === null || endAt > ctx.now) return false;
  return ctx.rng.chance(day < ctx.today - 7 ? 0.99 : 0.9);
}

/** One to three crew members who worked for the company on that day. */
function crewFor(ctx: GenContext, day: number): UserRecord[] {
  const pool = ctx.memo(`crew:${day}`, () => {
    const crew = ctx.records.users.filter(
      (user) =>
        user.role === 'crew' &&
        ctx.zone.localDay(user.createdAt) <= day &&
        (user.status === 'ACTIVATED' || day < ctx.today - 200),
    );
    return crew.length > 0 ? crew : ctx.records.users.slice(0, 1);
  });
  return ctx.rng.sample(
    pool,
    ctx.rng.weighted([
      [1, 5],
      [2, 4],
      [3, 1],
    ]),
  );
}
