import type { ArmedFault, FaultEndpoint, FaultSpec } from '../control-types';

/** What a request looks like to the fault matcher. */
export interface FaultProbe {
  readonly endpoint: FaultEndpoint;
  readonly query?: string;
  readonly operationName?: string;
  readonly grantType?: string;
  readonly accountId?: string;
  /** 1-based page of the request's first connection, computed only when a fault asks for it. */
  readonly page?: () => number | undefined;
}

interface Armed {
  readonly id: number;
  readonly spec: FaultSpec;
  remaining: number;
  skipped: number;
}

/** Scripted faults: each fires for its next N matching requests, in the order they were armed. */
export class FaultBook {
  private armed: Armed[] = [];
  private nextId = 1;

  add(spec: FaultSpec): number {
    const id = this.nextId++;
    this.armed.push({ id, spec, remaining: Math.max(1, spec.times ?? 1), skipped: 0 });
    return id;
  }

  list(): ArmedFault[] {
    return this.armed.map(({ id, spec, remaining, skipped }) => ({ id, spec, remaining, skipped }));
  }

  clear(): void {
    this.armed = [];
  }

  /** The fault for this request, if one matches (consuming one of its `times`). */
  take(probe: FaultProbe): FaultSpec | undefined {
    for (const fault of this.armed) {
      if (!matches(fault.spec, probe)) continue;
      if (fault.skipped < (fault.spec.skip ?? 0)) {
        fault.skipped++;
        continue;
      }
      fault.remaining--;
      if (fault.remaining <= 0) this.armed = this.armed.filter((other) => other !== fault);
      return fault.spec;
    }
    return undefined;
  }
}

function endpointOf(spec: FaultSpec): FaultEndpoint {
  return spec.endpoint ?? (spec.kind === 'invalidGrant' ? 'token' : 'graphql');
}

function matches(spec: FaultSpec, probe: FaultProbe): boolean {
  if (endpointOf(spec) !== probe.endpoint) return false;
  if (spec.queryContains !== undefined && !(probe.query ?? '').includes(spec.queryContains)) return false;
  if (spec.operationName !== undefined && probe.operationName !== spec.operationName) return false;
  if (spec.grantType !== undefined && probe.grantType !== spec.grantType) return false;
  if (spec.accountId !== undefined && probe.accountId !== spec.accountId) return false;
  if (spec.page !== undefined && probe.page?.() !== spec.page) return false;
  return true;
}
