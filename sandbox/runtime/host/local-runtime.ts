import type { ExecuteCommand, HostReply, HostRequest, WorkerMessage, WorkerOutcome } from '../protocol';
import { scriptCallbackUrl, scriptWebAppUrl } from '../../shared/local-apps-script';
import type { ExecutionResult, FetchEvent, LockTarget, Runtime, SleepEvent } from '../types';
import { callbackRequest, parseCallbackUrl } from './callback';
import { HostClock } from './clock';
import type { RuntimeDrive } from './drive/local-drive';
import { ActiveExecution } from './execution';
import { STATE_TOKEN_INVALID_TEXT } from './limits';
import type { Manifest } from './manifest';
import { crashOutcome, failureMessage, notRun, refused, timeoutOutcome } from './outcomes';
import { answer } from './requests';
import { SharedState } from './shared-state';
import type { TimeKeeper, TimeParticipant } from './time-keeper';
import { webAppEvent, webAppIdentity, type WebAppMethod, type WebAppParams } from './web-app';
import { PoolClosed, WorkerPool, type WorkerSlot } from './worker-pool';

export interface LocalRuntimeConfig {
  readonly bundlePath: string;
  readonly manifest: Manifest;
  readonly clock: HostClock;
  /** Decides when virtual time moves (a no-op on the real clock). */
  readonly time: TimeKeeper;
  readonly state: SharedState;
  readonly timeLimitMs: number;
  readonly scriptId: string;
  readonly scriptOrigin: string;
  /** The Google account that owns and deployed the script. */
  readonly owner: string;
  /** The deployment whose web app URL ScriptApp.getService().getUrl() returns; null: not deployed. */
  readonly deploymentId: string | null;
  readonly boundToDocument: boolean;
  readonly maxConcurrentExecutions: number;
  readonly drive: RuntimeDrive;
  readonly onFetch?: (event: FetchEvent) => void;
  readonly onSleep?: (event: SleepEvent) => void;
}

/** Whose execution it is: the effective user and what Session.getActiveUser() reveals. */
interface ExecutionIdentity {
  readonly user: string;
  readonly activeUser: string;
  readonly webApp: boolean;
}

/** The host: owns the shared state, hands executions to workers, answers their requests, enforces the time limit. */
export class LocalRuntime implements Runtime {
  readonly scriptId: string;
  readonly redirectUri: string;
  readonly owner: string;
  readonly webAppUrl: string | null;
  private readonly pool: WorkerPool;
  private readonly active = new Set<ActiveExecution>();
  private readonly kills = new Map<ActiveExecution, (outcome: WorkerOutcome) => void>();
  private nextExecutionId = 1;

  constructor(private readonly config: LocalRuntimeConfig) {
    this.scriptId = config.scriptId;
    this.redirectUri = scriptCallbackUrl(config.scriptOrigin, config.scriptId);
    this.owner = config.owner;
    this.webAppUrl =
      config.manifest.webapp && config.deploymentId !== null
        ? scriptWebAppUrl(config.scriptOrigin, config.deploymentId)
        : null;
    this.pool = new WorkerPool(config.maxConcurrentExecutions, config.clock.shared);
    config.clock.onAdvance(() => this.enforceVirtualLimit());
  }

  run(user: string, functionName: string, ...args: unknown[]): Promise<ExecutionResult> {
    return this.execute({ user, activeUser: user, webApp: false }, functionName, JSON.stringify(args));
  }

  /** Apps Script's /exec: access checked first, then doGet or doPost with the event object. */
  webApp(visitor: string, method: WebAppMethod, params: WebAppParams = {}): Promise<ExecutionResult> {
    const deployed = this.webAppUrl === null ? null : this.config.manifest.webapp;
    const identity = webAppIdentity(deployed, this.owner, visitor);
    if ('refused' in identity) return Promise.resolve(refused(identity.refused));
    const functionName = method === 'GET' ? 'doGet' : 'doPost';
    const argsJson = JSON.stringify([webAppEvent(method, params)]);
    return this.execute({ ...identity, webApp: true }, functionName, argsJson);
  }

  private async execute(
    identity: ExecutionIdentity,
    functionName: string,
    argsJson: string,
  ): Promise<ExecutionResult> {
    // Starting holds virtual time still, as the other executions of a dashboard wait for this one.
    const time = this.config.time.join();
    let slot: WorkerSlot;
    try {
      await this.config.clock.sync();
      slot = await this.pool.acquire({ queued: () => time.stepAside(), granted: () => time.hold() });
    } catch (error) {
      time.leave();
      if (error instanceof PoolClosed) return notRun(error.message);
      throw error;
    }
    return new Promise((resolve) => {
      const execution = this.start(identity.user, functionName, time, resolve);
      const timer = setTimeout(
        () => this.kill(execution, timeoutOutcome(this.config.timeLimitMs)),
        this.config.timeLimitMs,
      );
      const finish = (outcome: WorkerOutcome, reusable: boolean): void => {
        clearTimeout(timer);
        this.end(execution, slot, outcome, reusable);
      };
      this.kills.set(execution, (outcome) => finish(outcome, false));
      slot.onMessage = (message) => this.onMessage(slot, execution, message, finish);
      slot.onFailure = (error) => finish(crashOutcome(error), false);
      if (slot.failure) return finish(crashOutcome(slot.failure), false);
      slot.worker.postMessage(this.command(execution, identity, functionName, argsJson));
    });
  }

  async deliverCallback(user: string, callbackUrl: string): Promise<ExecutionResult> {
    const parsed = parseCallbackUrl(callbackUrl, this.redirectUri);
    if ('problem' in parsed) return refused(parsed.problem);
    const grant = parsed.state === null ? null : this.config.state.stateTokens.redeem(user, parsed.state);
    if (!grant) return refused(STATE_TOKEN_INVALID_TEXT);
    return this.run(user, grant.method, callbackRequest(parsed.url, grant.args));
  }

  now(): number {
    return this.config.clock.now();
  }

  get drive(): RuntimeDrive {
    return this.config.drive;
  }

  scriptProperties(): Record<string, string> {
    return this.config.state.scriptProperties.snapshot();
  }

  userProperties(user: string): Record<string, string> {
    return this.config.state.properties('user', user).snapshot();
  }

  setScriptProperty(key: string, value: string | null): void {
    setOrDelete(this.config.state.scriptProperties, key, value);
  }

  setUserProperty(user: string, key: string, value: string | null): void {
    setOrDelete(this.config.state.properties('user', user), key, value);
  }

  scriptCache(): Record<string, string> {
    return this.config.state.scriptCache.snapshot();
  }

  userCache(user: string): Record<string, string> {
    return this.config.state.cache('user', user).snapshot();
  }

  clearCaches(): void {
    this.config.state.clearCaches();
  }

  urlFetchCount(user: string): number {
    return this.config.state.quotas.urlFetchCount(user);
  }

  isLocked(scope: LockTarget): boolean {
    return this.config.state.locks.isHeld(lockKey(scope));
  }

  lockWaiters(scope: LockTarget): number {
    return this.config.state.locks.waiting(lockKey(scope));
  }

  async close(): Promise<void> {
    const closed: WorkerOutcome = {
      ok: false,
      error: { kind: 'exception', text: 'The runtime was closed' },
      busyMs: 0,
    };
    for (const execution of [...this.active]) this.kill(execution, closed);
    this.config.time.close();
    await this.pool.close();
    this.config.drive.close();
  }

  /** The limit counts from here, once a worker thread runs: in real time, and in virtual time. */
  private start(
    user: string,
    functionName: string,
    time: TimeParticipant,
    resolve: (result: ExecutionResult) => void,
  ): ActiveExecution {
    const { clock, timeLimitMs, onFetch, onSleep } = this.config;
    const virtualStart = clock.virtual ? clock.now() : null;
    const execution = new ActiveExecution(
      this.nextExecutionId++,
      user,
      functionName,
      virtualStart,
      time,
      resolve,
      { onFetch, onSleep },
    );
    if (virtualStart !== null) time.limitAt(virtualStart + timeLimitMs);
    this.active.add(execution);
    return execution;
  }

  private command(
    execution: ActiveExecution,
    identity: ExecutionIdentity,
    functionName: string,
    argsJson: string,
  ): ExecuteCommand {
    const { bundlePath, manifest, scriptId, scriptOrigin, clock, boundToDocument } = this.config;
    return {
      kind: 'execute',
      executionId: execution.id,
      bundlePath,
      functionName,
      argsJson,
      ...(identity.webApp ? { webApp: true } : {}),
      settings: {
        userEmail: execution.user,
        activeUserEmail: identity.activeUser,
        webAppUrl: this.webAppUrl,
        oauthScopes: manifest.oauthScopes ?? null,
        scriptId,
        scriptOrigin,
        timeZone: manifest.timeZone,
        virtualClock: clock.virtual,
        boundToDocument,
      },
    };
  }

  private onMessage(
    slot: WorkerSlot,
    execution: ActiveExecution,
    message: WorkerMessage,
    finish: (outcome: WorkerOutcome, reusable: boolean) => void,
  ): void {
    execution.time.touch();
    if (message.kind === 'log') execution.logs.push({ level: message.level, message: message.message });
    else if (message.kind === 'done') finish(message.outcome, true);
    else this.serve(slot, execution, message.request);
  }

  private serve(slot: WorkerSlot, execution: ActiveExecution, request: HostRequest): void {
    const reply = (message: HostReply): void => {
      if (!execution.running) return;
      // Back to computing: whatever it waited for (a sleep, a lock, an answer) is over.
      execution.time.hold();
      slot.reply(message);
    };
    answer(this.config.state, execution, request).then(
      (value) => reply({ ok: true, value: value ?? null }),
      (error: unknown) => reply({ ok: false, message: failureMessage(error) }),
    );
  }

  private end(execution: ActiveExecution, slot: WorkerSlot, outcome: WorkerOutcome, reusable: boolean): void {
    if (!execution.running) return;
    this.active.delete(execution);
    this.kills.delete(execution);
    this.config.state.locks.releaseExecution(execution.id);
    execution.settle(outcome, this.config.clock.now());
    if (reusable) this.pool.release(slot);
    else this.pool.discard(slot);
  }

  private kill(execution: ActiveExecution, outcome: WorkerOutcome): void {
    this.kills.get(execution)?.(outcome);
  }

  /**
   * Apps Script's limit is wall time, sleeps included: with a virtual clock, virtual time counts
   * (the TimeKeeper stops time at each execution's limit, so this is exact).
   */
  private enforceVirtualLimit(): void {
    const now = this.config.clock.now();
    for (const execution of [...this.active]) {
      if ((execution.virtualElapsed(now) ?? 0) >= this.config.timeLimitMs)
        this.kill(execution, timeoutOutcome(this.config.timeLimitMs));
    }
  }
}

function lockKey(scope: LockTarget): string {
  return scope === 'script' ? 'script' : `user:${scope.user}`;
}

function setOrDelete(
  store: { set(entries: Record<string, string>): void; delete(key: string): void },
  key: string,
  value: string | null,
): void {
  if (value === null) store.delete(key);
  else store.set({ [key]: value });
}
