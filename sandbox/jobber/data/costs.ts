import { visitsOfJobs } from './billing';
import { EXPENSE_TITLES } from './catalog';
import type { GenContext } from './context';
import type { JobRecord, UserRecord, VisitRecord } from './records';
import { visitStatusAt } from './statuses';

const MINUTE_MS = 60_000;

/** Crew time on every worked visit (a timer still ticking for visits under way) plus shop time. */
export function generateTimeSheets(ctx: GenContext): void {
  const jobs = new Map(ctx.records.jobs.map((job) => [job.id, job]));
  for (const visit of ctx.records.visits) {
    if (visit.startAt === null || visit.endAt === null || visit.startAt > ctx.now) continue;
    if (visitStatusAt(visit, ctx.now, ctx.zone) === 'LATE') continue;
    for (const userId of visit.assignedUserIds) {
      const user = ctx.records.users.find((candidate) => candidate.id === userId);
      if (user) addVisitTime(ctx, visit, user, jobs.get(visit.jobId));
    }
  }
  const crew = ctx.records.users.filter((user) => user.role === 'crew');
  const shopEntries = Math.round(ctx.profile.jobs * 0.06);
  for (let n = 0; n < shopEntries; n++) {
    const day = ctx.businessDay(ctx.firstDay, ctx.today - 1);
    addTime(
      ctx,
      ctx.rng.pick(crew),
      null,
      null,
      ctx.at(day, ctx.rng.int(26, 32) * 15),
      ctx.rng.int(4, 8) * 15,
    );
  }
}

function addVisitTime(
  ctx: GenContext,
  visit: VisitRecord,
  user: UserRecord,
  job: JobRecord | undefined,
): void {
  const start = (visit.startAt ?? 0) + ctx.rng.int(-10, 10) * MINUTE_MS;
  const planned = ((visit.endAt ?? 0) - (visit.startAt ?? 0)) / MINUTE_MS;
  addTime(
    ctx,
    user,
    visit,
    job ?? null,
    start,
    Math.max(10, Math.round(planned * ctx.rng.around(1, 0.15, 0.7, 1.4))),
  );
}

function addTime(
  ctx: GenContext,
  user: UserRecord,
  visit: VisitRecord | null,
  job: JobRecord | null,
  start: number,
  minutes: number,
): void {
  const { rng } = ctx;
  const end = start + minutes * MINUTE_MS;
  const ticking = end > ctx.now;
  const old = start < ctx.now - 14 * 86_400_000;
  const approved = !ticking && rng.chance(old ? 0.95 : 0.3);
  const paid = approved && start < ctx.now - 30 * 86_400_000;
  const office = ctx.records.users.find((candidate) => candidate.role === 'office');
  ctx.records.timeSheetEntries.push({
    id: ctx.nextId('timeSheetEntries'),
    userId: user.id,
    jobId: job?.id ?? null,
    visitId: visit?.id ?? null,
    clientId: job?.clientId ?? null,
    label: job ? job.title : 'Shop time',
    note: rng.chance(0.05) ? 'Extra time for cleanup' : null,
    labourRate: user.labourRate,
    finalDuration: ticking ? 0 : minutes * 60,
    ticking,
    approved,
    payable: rng.chance(0.97),
    approvedById: approved ? (office?.id ?? null) : null,
    paidById: paid ? (ctx.records.users[0]?.id ?? null) : null,
    startAt: start,
    endAt: ticking ? null : end,
    createdAt: start,
    updatedAt: ticking
      ? start
      : Math.min(ctx.now, end + (approved ? rng.int(1, 7 * 24 * 60) : 1) * MINUTE_MS),
  });
}

/** Job materials and running costs (fuel, repairs), entered by the office or the crew. */
export function generateExpenses(ctx: GenContext): void {
  const { rng } = ctx;
  const visitsByJob = visitsOfJobs(ctx);
  for (const job of ctx.records.jobs) {
    const worked = (visitsByJob.get(job.id) ?? []).filter((visit) => visit.completedAt !== null);
    const visit = worked[0];
    if (!visit || !rng.chance(0.2)) continue;
    addExpense(
      ctx,
      ctx.zone.localDay(visit.completedAt ?? ctx.now),
      rng.weighted([
        ['Materials', 3],
        ['Dump fees', 1],
      ]),
      job,
    );
  }
  const general = Math.max(20, Math.round(ctx.profile.jobs * 0.12));
  for (let n = 0; n < general; n++)
    addExpense(ctx, ctx.businessDay(ctx.firstDay, ctx.today), rng.weighted(EXPENSE_TITLES), null);
}

function addExpense(ctx: GenContext, day: number, title: string, job: JobRecord | null): void {
  const { rng } = ctx;
  const enteredBy = rng.chance(0.6) ? ctx.records.users[1] : rng.pick(ctx.records.users);
  if (!enteredBy) return;
  const crewPaid = enteredBy.role === 'crew' && rng.chance(0.5);
  const createdAt = Math.min(ctx.now - MINUTE_MS, ctx.at(day, rng.int(16 * 60, 20 * 60)));
  const total =
    title === 'Fuel' ? rng.int(45, 140) : title === 'Materials' ? rng.int(25, 650) : rng.int(20, 400);
  ctx.records.expenses.push({
    id: ctx.nextId('expenses'),
    title,
    description: job
      ? `${title} for job #${job.jobNumber}`
      : rng.chance(0.4)
        ? `${title} - ${ctx.spec.region.cities[0] ?? ''}`
        : null,
    total: total + rng.int(0, 99) / 100,
    enteredById: enteredBy.id,
    paidById: rng.chance(0.5) ? enteredBy.id : null,
    reimbursableToId: crewPaid ? enteredBy.id : null,
    linkedJobId: job?.id ?? null,
    date: ctx.zone.midnight(day),
    createdAt,
    updatedAt: createdAt,
  });
}
