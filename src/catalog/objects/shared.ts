/** Fields several objects share, so the same id means the same thing on every object. */
import { text, url, type FieldDraft } from '../fields';

/** The client a record belongs to. `clientIdFilter` names the root filter argument, when Jobber has one. */
export function clientFields(options: { path?: string; clientIdFilter?: string } = {}): FieldDraft[] {
  const base = options.path ?? 'client';
  return [
    text({
      id: 'clientId',
      label: 'Client ID',
      path: `${base}.id`,
      description: "Jobber's id of the client. Stable; use it to blend with other data sources.",
      ...(options.clientIdFilter ? { pushdown: { kind: 'id', argument: options.clientIdFilter } } : {}),
    }),
    text({
      id: 'clientName',
      label: 'Client name',
      path: `${base}.name`,
      description: 'The client’s display name (company name for companies).',
    }),
  ];
}

export function jobberLink(description: string): FieldDraft {
  return url({ id: 'jobberWebUri', label: 'Open in Jobber', description });
}

/** The id of the record itself, under a descriptive id such as `invoiceId`. */
export function recordId(id: string, label: string, description: string): FieldDraft {
  return text({ id, label, path: 'id', description });
}
