/** Timesheets: hours worked and labour cost, per team member and job. */
import { computed, flag, group, money, numberDimension, recordCount, text, timestamp } from '../fields';
import { asNumber, at, cents } from '../read';
import type { CatalogObject } from '../types';
import { recordId } from './shared';

const readSeconds = at('finalDuration');
const readRate = at('labourRate');

export const timesheets: CatalogObject = {
  id: 'timesheets',
  label: 'Timesheets',
  description: 'One row per timesheet entry: who, when, on which job, hours and labour cost.',
  root: { connection: 'timeSheetEntries', filterType: 'TimeSheetEntriesFilterAttributes' },
  dateOptions: [{ fieldId: 'startAt', label: 'Start', filterArgument: 'startAt', precision: 'timestamp' }],
  allTime: true,
  replication: { changes: { kind: 'since', arguments: ['updatedAt'] }, sliceBy: 'startAt' },
  fields: [
    ...group('Entry', [
      recordId('timeSheetEntryId', 'Entry ID', "Jobber's id of the timesheet entry."),
      timestamp({ id: 'startAt', label: 'Start', description: 'When the time started.' }),
      timestamp({
        id: 'endAt',
        label: 'End',
        description: 'When the time ended (empty while the timer runs).',
      }),
      text({ id: 'note', label: 'Note', description: 'Note on the entry.' }),
      flag({ id: 'approved', label: 'Approved', description: 'Whether the entry was approved.' }),
      flag({ id: 'ticking', label: 'Timer running', description: 'Whether the timer is still running.' }),
      text({
        id: 'approvedBy',
        label: 'Approved by',
        path: 'approvedBy.name.full',
        description: 'Who approved the entry.',
      }),
    ]),
    ...group('Team member', [
      text({
        id: 'userId',
        label: 'Team member ID',
        path: 'user.id',
        description: 'Id of the team member the time belongs to.',
        pushdown: { kind: 'id', argument: 'assignedTo', idType: 'User' },
      }),
      text({
        id: 'userName',
        label: 'Team member',
        path: 'user.name.full',
        description: 'Who the time belongs to.',
      }),
    ]),
    ...group('Job', [
      text({ id: 'jobId', label: 'Job ID', path: 'job.id', description: 'The job the time was tracked on.' }),
      numberDimension({
        id: 'jobNumber',
        label: 'Job number',
        path: 'job.jobNumber',
        description: 'The number of the job the time was tracked on.',
      }),
      text({
        id: 'jobTitle',
        label: 'Job title',
        path: 'job.title',
        description: 'The title of the job the time was tracked on.',
      }),
      text({
        id: 'clientName',
        label: 'Client name',
        path: 'job.client.name',
        description: 'The job’s client.',
      }),
    ]),
    ...group('KPIs', [
      computed({
        id: 'duration',
        label: 'Duration',
        description: 'Time tracked on the entry.',
        type: 'DURATION',
        concept: 'METRIC',
        aggregation: 'SUM',
        select: ['finalDuration'],
        read: (node) => asNumber(readSeconds(node)),
      }),
      computed({
        id: 'labourHours',
        label: 'Labour hours',
        description: 'Time tracked, in hours.',
        type: 'NUMBER',
        concept: 'METRIC',
        aggregation: 'SUM',
        select: ['finalDuration'],
        read: (node) => {
          const seconds = asNumber(readSeconds(node));
          return seconds === null ? null : seconds / 3600;
        },
      }),
      money({
        id: 'labourRate',
        label: 'Labour rate',
        description: 'Hourly labour cost of the team member.',
        aggregation: 'AVG',
      }),
      computed({
        id: 'labourCost',
        label: 'Labour cost',
        description: 'Hours × labour rate.',
        type: 'CURRENCY',
        concept: 'METRIC',
        aggregation: 'SUM',
        select: ['finalDuration', 'labourRate'],
        read: (node) => {
          const seconds = asNumber(readSeconds(node));
          const rate = asNumber(readRate(node));
          return seconds === null || rate === null ? null : cents((seconds / 3600) * rate);
        },
      }),
      recordCount('entryCount', 'Entries', 'The number of timesheet entries (1 per row).'),
    ]),
  ],
  defaultDimension: 'userName',
  defaultMetric: 'labourHours',
};
