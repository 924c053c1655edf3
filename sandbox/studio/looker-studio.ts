import type { ExecutionResult, Runtime } from '../runtime';
import { followAuthorizeRedirect, type Consent } from './consent';
import { DataSource, type ChartRunner } from './data-source';
import { ContractViolation, LookerUserError } from './errors';
import { dateIn } from './requests';
import type {
  ConfigParams,
  ConfigResponse,
  GetDataRequest,
  GetDataResponse,
  SchemaField,
  SchemaResponse,
} from './types';
import { configProblems, encodeAnswers, isObject, unanswered, type ConfigAnswer } from './validate-config';
import { dataProblems } from './validate-data';
import { schemaProblems } from './validate-schema';

export interface StudioOptions {
  /** The report's time zone, for default date ranges. Default UTC. */
  readonly timeZone?: string;
  readonly languageCode?: string;
  /** How the browser gets from the authorize URL to the callback. Default: follow the 302 on the sandbox. */
  readonly consent?: Consent;
}

export interface StudioExecution {
  readonly functionName: string;
  readonly args: readonly unknown[];
  readonly result: ExecutionResult;
}

export interface AuthorizationOutcome {
  readonly validBefore: boolean;
  readonly authorizeUrl: string;
  readonly callbackUrl: string;
  /** The page authCallback returned; null when Apps Script refused the callback before running it. */
  readonly page: { readonly html: string; readonly title: string } | null;
  readonly refusal?: string;
  readonly valid: boolean;
}

const AUTH_TYPES = ['NONE', 'OAUTH2', 'USER_PASS', 'KEY', 'USER_TOKEN', 'PATH_USER_PASS', 'PATH_KEY'];
const MAX_CONFIG_STEPS = 10;

/**
 * Looker Studio as one user sees it: calls the connector's entry points the way Looker Studio
 * does and checks every answer against the contract. A broken answer, or a failure that is not a
 * user error, throws ContractViolation; a user error throws LookerUserError.
 */
export class LookerStudio implements ChartRunner {
  readonly executions: StudioExecution[] = [];

  constructor(
    readonly runtime: Runtime,
    readonly user: string,
    private readonly options: StudioOptions = {},
  ) {}

  /** The runtime's clock (virtual or real), in ms. */
  now(): number {
    return this.runtime.now();
  }

  /** Today in the report's time zone, by the runtime's clock (virtual or real). */
  today(): string {
    return dateIn(this.runtime.now(), this.options.timeZone ?? 'UTC');
  }

  async getAuthType(): Promise<{ type: string; helpUrl?: string }> {
    const value = await this.call('getAuthType', false);
    if (!isObject(value) || !AUTH_TYPES.includes(String(value.type)))
      throw new ContractViolation('getAuthType', [
        `answered ${JSON.stringify(value)}, not { type: <AuthType> }`,
      ]);
    return value as { type: string };
  }

  isAuthValid(): Promise<boolean> {
    return this.boolean('isAuthValid');
  }

  isAdminUser(): Promise<boolean> {
    return this.boolean('isAdminUser');
  }

  async get3PAuthorizationUrls(): Promise<string> {
    const value = await this.call('get3PAuthorizationUrls', true);
    if (typeof value !== 'string' || !/^https?:\/\/\S+$/.test(value))
      throw new ContractViolation('get3PAuthorizationUrls', [
        `answered ${JSON.stringify(value)}, not a URL string`,
      ]);
    return value;
  }

  async resetAuth(): Promise<void> {
    await this.call('resetAuth', true);
  }

  /** The user lands on the script's /usercallback: Apps Script checks the state token and runs authCallback. */
  async deliverCallback(callbackUrl: string): Promise<Pick<AuthorizationOutcome, 'page' | 'refusal'>> {
    const result = await this.runtime.deliverCallback(this.user, callbackUrl);
    this.executions.push({ functionName: 'authCallback', args: [callbackUrl], result });
    if (result.refused) return { page: null, refusal: result.error?.text ?? 'refused' };
    const value = this.outcome('authCallback', result, false);
    if (!isObject(value) || typeof value.html !== 'string')
      throw new ContractViolation('authCallback', ['did not return an HtmlOutput page'], result);
    return { page: { html: value.html, title: String(value.title ?? '') } };
  }

  /** The whole dance: auth type, isAuthValid, the authorize URL, consent, the callback, isAuthValid again. */
  async authorize(
    consent: Consent = this.options.consent ?? followAuthorizeRedirect,
  ): Promise<AuthorizationOutcome> {
    const { type } = await this.getAuthType();
    if (type !== 'OAUTH2')
      throw new ContractViolation('getAuthType', [`answered ${type}; this driver speaks OAUTH2`]);
    const validBefore = await this.isAuthValid();
    const authorizeUrl = await this.get3PAuthorizationUrls();
    const callbackUrl = await consent(authorizeUrl);
    const landing = await this.deliverCallback(callbackUrl);
    return { validBefore, authorizeUrl, callbackUrl, ...landing, valid: await this.isAuthValid() };
  }

  async getConfig(configParams?: ConfigParams): Promise<ConfigResponse> {
    const request = {
      languageCode: this.options.languageCode ?? 'en',
      ...(configParams ? { configParams } : {}),
    };
    const value = await this.call('getConfig', true, request);
    const problems = configProblems(value);
    if (problems.length > 0) throw new ContractViolation('getConfig', problems, this.last());
    return value as ConfigResponse;
  }

  async getSchema(configParams: ConfigParams): Promise<SchemaResponse> {
    const value = await this.call('getSchema', true, { configParams });
    const problems = schemaProblems(value);
    if (problems.length > 0) throw new ContractViolation('getSchema', problems, this.last());
    return value as SchemaResponse;
  }

  async getData(request: GetDataRequest, schema: readonly SchemaField[]): Promise<GetDataResponse> {
    const value = await this.call('getData', true, request);
    const problems = dataProblems(request, value, schema);
    if (problems.length > 0) throw new ContractViolation('getData', problems, this.executionOf(request));
    return value as GetDataResponse;
  }

  /** Creating a data source: getConfig (again with the answers so far while it is stepped), then getSchema. */
  async connect(answers: Readonly<Record<string, ConfigAnswer>> = {}): Promise<DataSource> {
    let configParams: Record<string, string | boolean> = {};
    let config = await this.getConfig();
    for (let step = 1; config.isSteppedConfig; step++) {
      const next = { ...configParams, ...encodeAnswers(config, answers) };
      const missing = unanswered(config, next);
      if (missing.length > 0 || step >= MAX_CONFIG_STEPS)
        throw new Error(
          `The stepped config still asks for ${missing.join(', ') || 'more'}: give answers for them`,
        );
      configParams = next;
      config = await this.getConfig(configParams);
    }
    configParams = { ...configParams, ...encodeAnswers(config, answers) };
    const { schema } = await this.getSchema(configParams);
    return new DataSource(this, configParams, config, schema);
  }

  private async boolean(functionName: string): Promise<boolean> {
    const value = await this.call(functionName, false);
    if (typeof value !== 'boolean')
      throw new ContractViolation(
        functionName,
        [`answered ${JSON.stringify(value)}, not a boolean`],
        this.last(),
      );
    return value;
  }

  private async call(functionName: string, userErrorsAllowed: boolean, ...args: unknown[]): Promise<unknown> {
    const result = await this.runtime.run(this.user, functionName, ...args);
    this.executions.push({ functionName, args, result });
    return this.outcome(functionName, result, userErrorsAllowed);
  }

  private outcome(functionName: string, result: ExecutionResult, userErrorsAllowed: boolean): unknown {
    if (result.ok) return result.value;
    const error = result.error ?? { kind: 'exception', text: 'failed without an error' };
    if (error.kind === 'user' && userErrorsAllowed)
      throw new LookerUserError(functionName, error.text, error.debugText, result);
    if (error.kind === 'timeout')
      throw new ContractViolation(functionName, [`ran past the time limit: ${error.text}`], result);
    const what =
      error.kind === 'user'
        ? 'showed a user error, which it must never do'
        : 'threw an error not built with newUserError';
    throw new ContractViolation(functionName, [`${what}: ${error.text}`], result);
  }

  private last(): ExecutionResult | undefined {
    return this.executions[this.executions.length - 1]?.result;
  }

  private executionOf(request: unknown): ExecutionResult | undefined {
    return [...this.executions].reverse().find((execution) => execution.args[0] === request)?.result;
  }
}
