/** The seam over Apps Script: the services every module receives, and the real ones. */
export { appsScriptPlatform } from './apps-script';
export type {
  Bytes,
  CacheStore,
  Clock,
  Codec,
  HtmlPage,
  Http,
  HttpRequest,
  HttpResponse,
  Lock,
  Logger,
  OAuthService,
  Platform,
  PropertyStore,
} from './platform';
