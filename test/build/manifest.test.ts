import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_MANIFEST, ROOT, readPackageJson } from '../support/paths';

interface Manifest {
  timeZone: string;
  runtimeVersion: string;
  exceptionLogging: string;
  oauthScopes: string[];
  urlFetchWhitelist: string[];
  webapp: { executeAs: string; access: string };
  dependencies: { libraries: { userSymbol: string; libraryId: string; version: string }[] };
  dataStudio: Record<string, unknown>;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8')) as Manifest;
const repository = readPackageJson().repository.url;

describe('appsscript.json', () => {
  it('runs on V8 with Stackdriver logging and a time zone', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(manifest.timeZone).toMatch(/^[A-Za-z]+\/[A-Za-z_]+$/);
  });

  it('asks for exactly the external-request scope, the email scope Session needs and Drive app data', () => {
    // Session.getEffectiveUser()/getActiveUser() need userinfo.email once the scopes are listed:
    // isAdminUser and the setup page's owner check read the email. drive.appdata (non-sensitive) is
    // the private copy's own hidden folder; no scope reaches the user's other Drive files.
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/script.external_request',
      'https://www.googleapis.com/auth/userinfo.email',
      'https://www.googleapis.com/auth/drive.appdata',
    ]);
  });

  it('serves the setup page as a web app that runs as, and opens only for, the deploying owner', () => {
    expect(manifest.webapp).toEqual({ executeAs: 'USER_DEPLOYING', access: 'MYSELF' });
  });

  it('allows fetching Jobber API and token endpoints and Drive v3 (the private copy), and nothing else', () => {
    const allowed = (url: string) => manifest.urlFetchWhitelist.some((prefix) => url.startsWith(prefix));
    expect(allowed('https://api.getjobber.com/api/graphql')).toBe(true);
    expect(allowed('https://api.getjobber.com/api/oauth/token')).toBe(true);
    expect(allowed('https://www.googleapis.com/drive/v3/files?spaces=appDataFolder')).toBe(true);
    expect(allowed('https://www.googleapis.com/upload/drive/v3/files?uploadType=multipart')).toBe(true);
    expect(allowed('https://www.googleapis.com/gmail/v1/users')).toBe(false);
    expect(allowed('https://example.com/')).toBe(false);
    for (const prefix of manifest.urlFetchWhitelist) expect(prefix).toMatch(/^https:\/\/[^/]+\/.+/);
  });

  it('depends on the OAuth2 library version 43', () => {
    expect(manifest.dependencies.libraries).toEqual([
      {
        userSymbol: 'OAuth2',
        libraryId: '1B7FSrk5Zi6L1rSxxTDgDEUsPzlukDsi4KGuTMorsTQHhGBzBkMun4iDF',
        version: '43',
      },
    ]);
  });

  it('has a complete dataStudio block', () => {
    const ds = manifest.dataStudio;
    expect(ds.name).toBe('Jobber');
    for (const key of ['company', 'description', 'shortDescription'])
      expect(ds[key]).toEqual(expect.any(String));
    expect((ds.shortDescription as string).length).toBeLessThanOrEqual(114);
    expect(ds.authType).toEqual(['OAUTH2']);
    expect(ds.feeType).toEqual(['FREE']);
  });

  it.each(['companyUrl', 'addOnUrl', 'supportUrl', 'privacyPolicyUrl', 'termsOfServiceUrl', 'logoUrl'])(
    '%s points at a file of this repository that exists',
    (key) => {
      const url = manifest.dataStudio[key] as string;
      const path = url
        .replace(`${repository}/blob/main/`, '')
        .replace(
          repository.replace('https://github.com/', 'https://raw.githubusercontent.com/') + '/main/',
          '',
        );
      if (key === 'companyUrl') expect(url).toBe(repository);
      else expect(existsSync(join(ROOT, path))).toBe(true);
    },
  );

  it('is copied unchanged to dist/ by the build', () => {
    expect(readFileSync(DIST_MANIFEST, 'utf8')).toBe(readFileSync(join(ROOT, 'appsscript.json'), 'utf8'));
  });
});
