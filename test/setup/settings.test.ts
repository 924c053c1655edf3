import {
  formOf,
  readSettings,
  saveSettings,
  secretToUse,
  validateForm,
  type SetupForm,
  type StoredSettings,
} from '../../src/setup/settings';
import { MemoryProperties } from '../support/platform-fakes';

const NOTHING_STORED: StoredSettings = { clientId: '', hasSecret: false, adminEmails: [] };
const SECRET_STORED: StoredSettings = { clientId: 'app-1', hasSecret: true, adminEmails: [] };

function form(fields: Partial<SetupForm>): SetupForm {
  return { formToken: 't', clientId: 'app-1', clientSecret: 's3cret', adminEmails: '', ...fields };
}

function problemsOf(fields: Partial<SetupForm>, stored = NOTHING_STORED): readonly string[] {
  const result = validateForm(form(fields), stored);
  return result.ok ? [] : result.problems;
}

describe('the setup form', () => {
  it('reads the fields of a doPost event, ignoring anything that is not a string', () => {
    expect(
      formOf({ parameter: { clientId: ' id ', clientSecret: 'x', adminEmails: 'a@b.co', formToken: 7 } }),
    ).toEqual({ formToken: '', clientId: ' id ', clientSecret: 'x', adminEmails: 'a@b.co' });
    expect(formOf(undefined)).toEqual({ formToken: '', clientId: '', clientSecret: '', adminEmails: '' });
  });

  it('accepts trimmed credentials and a list of admin emails, lower-cased and without repeats', () => {
    expect(
      validateForm(form({ clientId: ' app-1\n', adminEmails: 'A@x.com; b@y.org a@X.com,' }), NOTHING_STORED),
    ).toEqual({
      ok: true,
      settings: { clientId: 'app-1', clientSecret: 's3cret', adminEmails: ['a@x.com', 'b@y.org'] },
    });
  });

  it('asks for a Client ID and a Client Secret when none is stored', () => {
    expect(problemsOf({ clientId: '  ', clientSecret: '' })).toEqual([
      'Paste the Client ID: it is empty.',
      'Paste the Client Secret: none is stored yet.',
    ]);
  });

  it('keeps the stored secret when the field is left empty', () => {
    expect(validateForm(form({ clientSecret: '' }), SECRET_STORED)).toEqual({
      ok: true,
      settings: { clientId: 'app-1', clientSecret: '', adminEmails: [] },
    });
  });

  it('refuses values with spaces inside and addresses that are not emails, naming them', () => {
    expect(problemsOf({ clientId: 'app 1', clientSecret: 'a b', adminEmails: 'me@x.com, nobody' })).toEqual([
      'The Client ID has spaces or line breaks inside: copy it again from the Developer Center.',
      'The Client Secret has spaces or line breaks inside: copy it again from the Developer Center.',
      '"nobody" is not an email address: separate admin emails with commas.',
    ]);
  });
});

describe('the stored settings', () => {
  it('shows whether a secret is stored, never the secret', () => {
    const properties = new MemoryProperties();
    properties.setProperty('JOBBER_CLIENT_ID', 'app-1');
    properties.setProperty('JOBBER_CLIENT_SECRET', 'the-secret');
    properties.setProperty('ADMIN_EMAILS', 'a@x.com, b@y.org');
    const stored = readSettings(properties);
    expect(stored).toEqual({ clientId: 'app-1', hasSecret: true, adminEmails: ['a@x.com', 'b@y.org'] });
    expect(JSON.stringify(stored)).not.toContain('the-secret');
  });

  it('stores what was typed, keeps the secret when none was typed, and says when the app changed', () => {
    const properties = new MemoryProperties();
    expect(
      saveSettings(properties, { clientId: 'app-1', clientSecret: 'one', adminEmails: ['a@x.com'] }),
    ).toEqual({
      appChanged: false,
    });
    expect(saveSettings(properties, { clientId: 'app-1', clientSecret: '', adminEmails: [] })).toEqual({
      appChanged: false,
    });
    expect(properties.getProperties()).toEqual({ JOBBER_CLIENT_ID: 'app-1', JOBBER_CLIENT_SECRET: 'one' });
    expect(secretToUse(properties, { clientId: 'app-1', clientSecret: '', adminEmails: [] })).toBe('one');
    expect(saveSettings(properties, { clientId: 'app-2', clientSecret: 'two', adminEmails: [] })).toEqual({
      appChanged: true,
    });
  });
});
