import { ADMIN_EMAILS_PROPERTY, CLIENT_ID_PROPERTY, CLIENT_SECRET_PROPERTY, adminEmailsOf } from '../auth';
import type { PropertyStore } from '../platform';

/** What the page may show of the stored settings: never the secret, only whether there is one. */
export interface StoredSettings {
  readonly clientId: string;
  readonly hasSecret: boolean;
  readonly adminEmails: readonly string[];
}

/** The form as posted (strings as typed; absent fields are empty). */
export interface SetupForm {
  readonly formToken: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly adminEmails: string;
}

/** Valid settings to store; an empty `clientSecret` keeps the stored one. */
export interface NewSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly adminEmails: readonly string[];
}

export type Validation =
  | { readonly ok: true; readonly settings: NewSettings }
  | { readonly ok: false; readonly problems: readonly string[] };

const MAX_ID_CHARS = 200;
const MAX_SECRET_CHARS = 500;
const EMAIL = /^[^@\s,;<>"']+@[^@\s,;<>"']+\.[^@\s,;<>"']+$/;

export function readSettings(scriptProperties: PropertyStore): StoredSettings {
  return {
    clientId: (scriptProperties.getProperty(CLIENT_ID_PROPERTY) ?? '').trim(),
    hasSecret: (scriptProperties.getProperty(CLIENT_SECRET_PROPERTY) ?? '').trim() !== '',
    adminEmails: adminEmailsOf(scriptProperties.getProperty(ADMIN_EMAILS_PROPERTY) ?? ''),
  };
}

/** The fields of a doPost event: `parameter` holds the form-encoded body's fields. */
export function formOf(event: unknown): SetupForm {
  const raw = typeof event === 'object' && event !== null ? (event as { parameter?: unknown }).parameter : {};
  const parameter = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const field = (name: string): string => (typeof parameter[name] === 'string' ? parameter[name] : '');
  return {
    formToken: field('formToken'),
    clientId: field('clientId'),
    clientSecret: field('clientSecret'),
    adminEmails: field('adminEmails'),
  };
}

export function validateForm(form: SetupForm, stored: StoredSettings): Validation {
  const clientId = form.clientId.trim();
  const clientSecret = form.clientSecret.trim();
  const emails = adminEmailsOf(form.adminEmails);
  const problems = [
    ...credentialProblems('Client ID', clientId, MAX_ID_CHARS),
    ...(clientSecret === '' && !stored.hasSecret
      ? ['Paste the Client Secret: none is stored yet.']
      : credentialProblems('Client Secret', clientSecret, MAX_SECRET_CHARS, true)),
    ...emails
      .filter((email) => !EMAIL.test(email))
      .map((email) => `"${email}" is not an email address: separate admin emails with commas.`),
  ];
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, settings: { clientId, clientSecret, adminEmails: emails } };
}

function credentialProblems(name: string, value: string, maxChars: number, optional = false): string[] {
  if (value === '') return optional ? [] : [`Paste the ${name}: it is empty.`];
  if (/\s/.test(value))
    return [`The ${name} has spaces or line breaks inside: copy it again from the Developer Center.`];
  if (value.length > maxChars)
    return [`The ${name} is longer than ${maxChars} characters: is it the right value?`];
  return [];
}

/** The secret to check: the one typed, else the stored one. */
export function secretToUse(scriptProperties: PropertyStore, settings: NewSettings): string {
  return settings.clientSecret || (scriptProperties.getProperty(CLIENT_SECRET_PROPERTY) ?? '').trim();
}

/** Stores the settings; says whether the Jobber app (client id) changed. */
export function saveSettings(
  scriptProperties: PropertyStore,
  settings: NewSettings,
): { readonly appChanged: boolean } {
  const previous = (scriptProperties.getProperty(CLIENT_ID_PROPERTY) ?? '').trim();
  scriptProperties.setProperty(CLIENT_ID_PROPERTY, settings.clientId);
  if (settings.clientSecret !== '')
    scriptProperties.setProperty(CLIENT_SECRET_PROPERTY, settings.clientSecret);
  if (settings.adminEmails.length > 0)
    scriptProperties.setProperty(ADMIN_EMAILS_PROPERTY, settings.adminEmails.join(', '));
  else scriptProperties.deleteProperty(ADMIN_EMAILS_PROPERTY);
  return { appChanged: previous !== '' && previous !== settings.clientId };
}
