import { redirectUriFor, OAuth2Service } from './service';
import { STORAGE_PREFIX, TOKEN_FORMAT } from './service-settings';

/** The `OAuth2` global: what apps-script-oauth2 v43 exports to a script that adds it as a library. */
export function createOAuth2Library(): Record<string, unknown> {
  return {
    TOKEN_FORMAT,
    createService: (serviceName: string) => new OAuth2Service(serviceName),
    getRedirectUri: (optScriptId?: string) => redirectUriFor(optScriptId),
    getServiceNames: (propertyStore: GoogleAppsScript.Properties.Properties) => serviceNames(propertyStore),
  };
}

function serviceNames(propertyStore: GoogleAppsScript.Properties.Properties): string[] {
  const names: string[] = [];
  for (const key of Object.keys(propertyStore.getProperties())) {
    const name = key.split('.')[1];
    if (key.indexOf(STORAGE_PREFIX) === 0 && name && names.indexOf(name) < 0) names.push(name);
  }
  return names;
}
