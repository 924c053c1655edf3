import type {
  ArmedFault,
  ClockState,
  ConsentChoice,
  DeletedRecords,
  FaultSpec,
  MintedTokens,
  RawRecord,
  RecordCollection,
  RecordFields,
  RequestLogEntry,
  SandboxAccount,
  TouchOptions,
} from './control-types';

/** Thrown when a control call fails; carries the HTTP status and the sandbox's answer. */
export class SandboxControlError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    path: string,
  ) {
    super(`Sandbox control ${path} failed with HTTP ${status}: ${JSON.stringify(body)}`);
  }
}

/** A typed client for one sandbox's `/_sandbox/*` endpoints (see docs/sandbox.md). */
export class SandboxControl {
  constructor(
    readonly baseUrl: string,
    /** The account records are created in when none is named (the harness passes the demo account). */
    private readonly defaultAccountId?: string,
  ) {}

  readonly faults = {
    /** Arms a fault for the next matching request(s); returns its id. */
    inject: async (spec: FaultSpec): Promise<number> =>
      (await this.call<{ id: number }>('POST', '/faults', spec)).id,
    list: async (): Promise<ArmedFault[]> =>
      (await this.call<{ faults: ArmedFault[] }>('GET', '/faults')).faults,
    clear: async (): Promise<void> => void (await this.call('DELETE', '/faults')),
  };

  readonly requests = {
    /** Requests seen (oldest first), optionally only those after a sequence number. */
    list: async (since = 0): Promise<RequestLogEntry[]> =>
      (await this.call<{ requests: RequestLogEntry[] }>('GET', `/requests?since=${since}`)).requests,
    clear: async (): Promise<void> => void (await this.call('DELETE', '/requests')),
  };

  readonly clock = {
    now: async (): Promise<ClockState> => this.call<ClockState>('GET', '/clock'),
    /** Virtual clock: moves time to max(now, from + ms); what the runtime's Utilities.sleep calls. */
    sleep: async (ms: number, from?: number): Promise<number> =>
      (await this.call<{ now: number }>('POST', '/clock/sleep', from === undefined ? { ms } : { ms, from }))
        .now,
    /** Virtual clock: moves time forward by ms. */
    advance: async (ms: number): Promise<number> =>
      (await this.call<{ now: number }>('POST', '/clock/advance', { ms })).now,
  };

  /** How the next authorize request consents: approve as an account's user, or deny. One-shot. */
  async setConsent(choice: ConsentChoice): Promise<void> {
    await this.call('POST', '/consent', choice);
  }

  async accounts(): Promise<SandboxAccount[]> {
    return (await this.call<{ accounts: SandboxAccount[] }>('GET', '/accounts')).accounts;
  }

  /** Disconnects every app from the account: all its access and refresh tokens die. */
  async disconnect(accountId: string): Promise<number> {
    return (
      await this.call<{ revokedGrants: number }>(
        'POST',
        `/accounts/${encodeURIComponent(accountId)}/disconnect`,
      )
    ).revokedGrants;
  }

  async deactivate(accountId: string): Promise<void> {
    await this.call('POST', `/accounts/${encodeURIComponent(accountId)}/deactivate`);
  }

  async activate(accountId: string): Promise<void> {
    await this.call('POST', `/accounts/${encodeURIComponent(accountId)}/activate`);
  }

  /** Fresh tokens for the demo app on an account (a new grant), without the authorize dance. */
  async mintTokens(accountId: string, userId?: string): Promise<MintedTokens> {
    return this.call<MintedTokens>(
      'POST',
      `/accounts/${encodeURIComponent(accountId)}/tokens`,
      userId ? { userId } : {},
    );
  }

  /** Sets the demo app's throttle bucket for an account (e.g. drain it to provoke THROTTLED). */
  async setThrottleBudget(accountId: string, currentlyAvailable: number): Promise<void> {
    await this.call('POST', `/accounts/${encodeURIComponent(accountId)}/throttle`, { currentlyAvailable });
  }

  /** The raw records of one collection: the ground truth, independent of GraphQL. */
  async records<T = Record<string, unknown>>(accountId: string, collection: RecordCollection): Promise<T[]> {
    return (
      await this.call<{ records: T[] }>(
        'GET',
        `/accounts/${encodeURIComponent(accountId)}/records/${collection}`,
      )
    ).records;
  }

  async recordCounts(accountId: string): Promise<Record<RecordCollection, number>> {
    const path = `/accounts/${encodeURIComponent(accountId)}/records`;
    return (await this.call<{ collections: Record<RecordCollection, number> }>('GET', path)).collections;
  }

  /**
   * Creates a record as a Jobber user would: a new id, createdAt = updatedAt = the sandbox clock's
   * now, defaults for what is not given; what it is part of moves too (docs/sandbox.md, "Changing
   * records"). Returns it as the dump shows it.
   */
  async createRecord<T = RawRecord>(
    collection: RecordCollection,
    fields: RecordFields,
    accountId = this.accountOrFail(),
  ): Promise<T> {
    const path = `/accounts/${encodeURIComponent(accountId)}/records/${collection}`;
    return (await this.call<{ record: T }>('POST', path, fields)).record;
  }

  /** Changes fields of a record (none: a touch); its updatedAt moves to now. Returns it as the dump shows it. */
  async updateRecord<T = RawRecord>(
    collection: RecordCollection,
    id: string,
    changes: RecordFields,
  ): Promise<T> {
    const path = `/records/${collection}/${encodeURIComponent(id)}`;
    return (await this.call<{ record: T }>('PATCH', path, changes)).record;
  }

  /** Deletes a record and what cannot outlive it (a client's work, an invoice's lines and payments). */
  async deleteRecord(collection: RecordCollection, id: string): Promise<DeletedRecords> {
    const path = `/records/${collection}/${encodeURIComponent(id)}`;
    return (await this.call<{ deleted: DeletedRecords }>('DELETE', path)).deleted;
  }

  /**
   * Updates `count` records of a collection at once (spread over it, other ones on each call) with
   * the same changes, none by default: their updatedAt moves to now. Returns their ids.
   */
  async touchRecords(
    collection: RecordCollection,
    count: number,
    options: TouchOptions = {},
  ): Promise<string[]> {
    const accountId = options.accountId ?? this.accountOrFail();
    const path = `/accounts/${encodeURIComponent(accountId)}/records/${collection}/touch`;
    return (await this.call<{ ids: string[] }>('POST', path, { count, changes: options.changes ?? {} })).ids;
  }

  /** Clears faults, the request log, throttle buckets and the request guard. */
  async reset(): Promise<void> {
    await this.call('POST', '/reset');
  }

  private accountOrFail(): string {
    if (this.defaultAccountId === undefined)
      throw new Error('Name the account: this SandboxControl was made without a default account');
    return this.defaultAccountId;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/_sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text === '' ? {} : JSON.parse(text);
    if (!response.ok) throw new SandboxControlError(response.status, parsed, path);
    return parsed as T;
  }
}
