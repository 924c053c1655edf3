/** The seam over Apps Script: the services every module receives, and the real ones. */
export { appsScriptPlatform } from './apps-script';
export type {
  CacheStore,
  Clock,
  Codec,
  Http,
  HttpRequest,
  HttpResponse,
  Lock,
  Logger,
  Platform,
  PropertyStore,
} from './platform';
