/** Visits: the schedule and the work per crew member. */
import {
  city,
  computed,
  enumeration,
  flag,
  group,
  numberDimension,
  recordCount,
  text,
  timestamp,
} from '../fields';
import { asText, asTime, at, nodesOf } from '../read';
import type { CatalogObject } from '../types';
import { clientFields, recordId, CLIENT_CHANGES } from './shared';

const readStartAt = at('startAt');
const readEndAt = at('endAt');
const readAssigned = at('assignedUsers');
const readInvoiceId = at('invoice.id');
const readFullName = at('name.full');
const readId = at('id');

function joined(values: ReadonlyArray<string | null>): string | null {
  const present = values.filter((value): value is string => value !== null && value !== '');
  return present.length > 0 ? present.join(', ') : null;
}

export const visits: CatalogObject = {
  id: 'visits',
  label: 'Visits',
  description: 'One row per visit: when, who, status, duration, job and client.',
  root: { connection: 'visits', singular: 'visit', filterType: 'VisitFilterAttributes' },
  dateOptions: [
    { fieldId: 'startAt', label: 'Start', filterArgument: 'startAt', precision: 'timestamp' },
    { fieldId: 'endAt', label: 'End', filterArgument: 'endAt', precision: 'timestamp' },
    { fieldId: 'completedAt', label: 'Completed', filterArgument: 'completedAt', precision: 'timestamp' },
    { fieldId: 'createdAt', label: 'Created', filterArgument: 'createdAt', precision: 'timestamp' },
  ],
  allTime: true,
  replication: {
    changes: { kind: 'since', arguments: ['createdAt', 'completedAt'] },
    sliceBy: 'createdAt',
    clockFilters: ['startAt', 'endAt'],
    related: [CLIENT_CHANGES],
  },
  fields: [
    ...group('Visit', [
      recordId('visitId', 'Visit ID', "Jobber's id of the visit."),
      text({ id: 'visitTitle', label: 'Visit title', path: 'title', description: 'The visit’s title.' }),
      enumeration({
        id: 'visitStatus',
        label: 'Visit status',
        enumName: 'VisitStatusTypeEnum',
        description: 'Active, Upcoming, Today, Late, Completed or Unscheduled.',
        pushdown: { kind: 'enum', argument: 'status', enumName: 'VisitStatusTypeEnum' },
      }),
      flag({ id: 'isComplete', label: 'Complete', description: 'Whether the visit was marked complete.' }),
      flag({
        id: 'allDay',
        label: 'All day',
        description: 'Whether the visit is scheduled for the whole day.',
      }),
      computed({
        id: 'isInvoiced',
        label: 'Invoiced',
        description: 'Whether the visit is on an invoice.',
        type: 'BOOLEAN',
        concept: 'DIMENSION',
        select: ['invoice.id'],
        read: (node) => typeof readInvoiceId(node) === 'string',
      }),
    ]),
    ...group('Team', [
      computed({
        id: 'assignedTo',
        label: 'Assigned to',
        description: 'Names of the team members assigned to the visit, comma separated.',
        type: 'TEXT',
        concept: 'DIMENSION',
        select: ['assignedUsers.nodes.name.full'],
        read: (node) => joined(nodesOf(readAssigned(node)).map((user) => asText(readFullName(user)))),
      }),
      computed({
        id: 'assignedUserIds',
        label: 'Assigned user IDs',
        description:
          'Ids of the assigned team members, comma separated (match them with the Users data source).',
        type: 'TEXT',
        concept: 'DIMENSION',
        select: ['assignedUsers.nodes.id'],
        read: (node) => joined(nodesOf(readAssigned(node)).map((user) => asText(readId(user)))),
      }),
      computed({
        id: 'assignedUserCount',
        label: 'Crew size',
        description: 'How many team members are assigned to the visit.',
        type: 'NUMBER',
        concept: 'METRIC',
        aggregation: 'AVG',
        select: ['assignedUsers.nodes.__typename'],
        read: (node) => nodesOf(readAssigned(node)).length,
      }),
    ]),
    ...group('Job and client', [
      text({ id: 'jobId', label: 'Job ID', path: 'job.id', description: 'The job the visit belongs to.' }),
      numberDimension({
        id: 'jobNumber',
        label: 'Job number',
        path: 'job.jobNumber',
        description: 'The job’s number.',
      }),
      text({ id: 'jobTitle', label: 'Job title', path: 'job.title', description: 'The job’s title.' }),
      enumeration({
        id: 'jobType',
        label: 'Job type',
        path: 'job.jobType',
        enumName: 'JobTypeTypeEnum',
        description: 'One-off or Recurring.',
      }),
      ...clientFields(),
      city({
        id: 'propertyCity',
        label: 'Property city',
        path: 'property.address.city',
        description: 'City of the visit’s property.',
      }),
      text({
        id: 'propertyStreet',
        label: 'Property street',
        path: 'property.address.street',
        description: 'Street address of the visit’s property.',
      }),
    ]),
    ...group('Dates', [
      timestamp({
        id: 'startAt',
        label: 'Start',
        description: 'When the visit starts (empty when unscheduled).',
      }),
      timestamp({ id: 'endAt', label: 'End', description: 'When the visit ends.' }),
      timestamp({
        id: 'completedAt',
        label: 'Completed',
        description: 'When the visit was marked complete.',
      }),
      timestamp({ id: 'createdAt', label: 'Created', description: 'When the visit was created.' }),
    ]),
    ...group('KPIs', [
      computed({
        id: 'visitDuration',
        label: 'Scheduled duration',
        description: 'Time from the visit’s start to its end.',
        type: 'DURATION',
        concept: 'METRIC',
        aggregation: 'SUM',
        select: ['startAt', 'endAt'],
        read: (node, context) => {
          const start = asTime(readStartAt(node), context);
          const end = asTime(readEndAt(node), context);
          return start === null || end === null ? null : Math.max(0, Math.round((end - start) / 1000));
        },
      }),
      recordCount('visitCount', 'Visits', 'The number of visits (1 per row).'),
    ]),
  ],
  defaultDimension: 'startAt',
  defaultMetric: 'visitCount',
};
