import { randomBytes, randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { createClock, type Clock, type ClockMode } from '../core/clock';
import { encodeId, idOfKind } from '../core/ids';
import type { ConsentChoice } from '../control-types';
import type { AccountData } from '../data/account-data';
import { ACCOUNT_SPECS, type AccountSpec, type DataSize } from '../data/accounts';
import { generateAccount } from '../data/generate';
import type { SchemaDrift } from '../graphql/drift';
import { buildSandboxSchema } from '../graphql/schema';
import { RequestGuard, ThrottleBuckets } from '../graphql/throttle';
import { GrantStore } from '../oauth/grants';
import { FaultBook } from './faults';
import { RequestLog } from './request-log';

export interface SandboxConfig {
  readonly size: DataSize;
  readonly seed: number;
  readonly clock: ClockMode;
  /** Where the virtual clock starts and the generated history ends (default: the wall clock). */
  readonly startTime?: number;
  readonly accessTokenLifetimeSeconds: number;
  readonly rotation: boolean;
  readonly redirectUris: readonly string[];
  readonly port: number;
  readonly host: string;
  readonly codeLifetimeSeconds: number;
  /** The request guard's limit per 5 minutes (Jobber: 2,500); lower only to test it quickly. */
  readonly requestGuardLimit: number;
  /** A Jobber older or newer than the pinned version (hidden fields, extra enum values). */
  readonly drift?: SchemaDrift;
}

export interface RegisteredApp {
  readonly name: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
  readonly rotation: boolean;
}

/** Everything one sandbox instance holds: clock, apps, grants, data, limits, faults, log. */
export class SandboxState {
  readonly clock: Clock;
  readonly demoApp: RegisteredApp;
  readonly apps = new Map<string, RegisteredApp>();
  readonly grants: GrantStore;
  readonly throttle = new ThrottleBuckets();
  readonly guard: RequestGuard;
  readonly faults = new FaultBook();
  readonly log = new RequestLog();
  readonly inactiveAccounts = new Set<number>();
  readonly schema: GraphQLSchema;
  /** The instant every account's history ends at. */
  readonly dataNow: number;
  private readonly accounts = new Map<number, AccountData>();
  private consent: ConsentChoice | undefined;
  private readonly stopHooks: (() => void)[] = [];

  constructor(readonly config: SandboxConfig) {
    this.schema = buildSandboxSchema(config.drift);
    this.clock = createClock(config.clock, config.startTime ?? Date.now());
    this.dataNow = config.startTime ?? this.clock.now();
    this.grants = new GrantStore(config.accessTokenLifetimeSeconds);
    this.guard = new RequestGuard(config.requestGuardLimit);
    this.demoApp = {
      name: 'Looker Studio connector (sandbox)',
      clientId: randomUUID(),
      clientSecret: randomBytes(32).toString('hex'),
      redirectUris: config.redirectUris,
      rotation: config.rotation,
    };
    this.apps.set(this.demoApp.clientId, this.demoApp);
  }

  get specs(): readonly AccountSpec[] {
    return ACCOUNT_SPECS;
  }

  /** An account's data, generated on first use. */
  account(index: number): AccountData {
    let data = this.accounts.get(index);
    if (!data) {
      const spec = ACCOUNT_SPECS.find((candidate) => candidate.index === index);
      if (!spec) throw new Error(`No account ${index}`);
      data = generateAccount(spec, { size: this.config.size, seed: this.config.seed, now: this.dataNow });
      this.accounts.set(index, data);
    }
    return data;
  }

  /** The account index of an EncodedId, or undefined. */
  accountIndex(encoded: string): number | undefined {
    const index = idOfKind(encoded, 'Account');
    return ACCOUNT_SPECS.some((spec) => spec.index === index) ? index : undefined;
  }

  accountId(index: number): string {
    return encodeId('Account', index);
  }

  setConsent(choice: ConsentChoice): void {
    this.consent = choice;
  }

  /** The consent choice for this authorize request (one-shot), or auto-approval by the demo owner. */
  takeConsent(): ConsentChoice {
    const choice = this.consent ?? { mode: 'approve' };
    this.consent = undefined;
    return choice;
  }

  /** Work to cancel when the server stops (held connections of timeout faults). */
  onStop(hook: () => void): void {
    this.stopHooks.push(hook);
  }

  stop(): void {
    for (const hook of this.stopHooks.splice(0)) hook();
  }

  /** Throttle and guard buckets are per app and account. */
  bucketKey(clientId: string, accountIndex: number): string {
    return `${clientId}:${accountIndex}`;
  }
}
