/**
 * The connected account and its time zone, read from fields Jobber's public API has: the account
 * owner's User.timezone (users sorted by role put the owner first), else the connecting user's,
 * else UTC; in one request where Jobber allows it, remembered per user.
 */
import { RuntimeBudget } from '../../src/jobber/budget';
import { ACCOUNT_PROPERTY } from '../../src/jobber/account';
import { createJobberClient } from '../../src/jobber/client';
import type { HttpRequest, HttpResponse } from '../../src/platform';
import { FakeClock, MemoryProperties, ScriptedHttp, type Responder } from '../support/platform-fakes';
import { FakeTokens, dataResponse, freshStats, jsonResponse } from './fakes';

const ACCOUNT = { id: 'acc-1', name: 'Acme' };
const owner = (timezone: string | null) => ({ isAccountOwner: true, timezone });
const member = (timezone: string | null) => ({ isAccountOwner: false, timezone });

function setup(responders: Responder[]) {
  const clock = new FakeClock();
  const http = new ScriptedHttp(responders);
  const userProperties = new MemoryProperties();
  const client = createJobberClient({
    http,
    clock,
    tokens: new FakeTokens(),
    stats: freshStats(),
    userProperties,
    graphqlUrl: 'https://jobber.test/api/graphql',
    budget: new RuntimeBudget(clock, clock.now(), 300_000),
  });
  return { http, userProperties, api: client.api };
}

function queryOf(request: HttpRequest): string {
  return (JSON.parse(String(request.payload)) as { query: string }).query;
}

const refused = (message: string, extensions: Record<string, string>) => (): HttpResponse =>
  jsonResponse({ errors: [{ message, extensions }] });

describe('the account’s time zone', () => {
  it('is the owner’s, found in one request that reads a single user node (not the team)', () => {
    const { api, http } = setup([
      () =>
        dataResponse({
          account: ACCOUNT,
          user: member('America/Phoenix'),
          users: { nodes: [owner('America/Denver')] },
        }),
    ]);
    expect(api.account()).toEqual({ id: 'acc-1', name: 'Acme', timeZone: 'America/Denver' });
    expect(http.requests).toHaveLength(1);
    const query = queryOf(http.requests[0] as HttpRequest);
    expect(query).toContain('users(first: 1, sort: [{ key: ROLE, direction: DESCENDING }])');
    expect(query).not.toMatch(/accountOwner|currentUser|taxRates/);
  });

  it('is the connecting user’s own when that user is the owner', () => {
    const { api } = setup([
      () => dataResponse({ account: ACCOUNT, user: owner('Europe/Paris'), users: { nodes: [] } }),
    ]);
    expect(api.account().timeZone).toBe('Europe/Paris');
  });

  it('is the connecting user’s when the first user by role is not the owner', () => {
    const { api } = setup([
      () =>
        dataResponse({
          account: ACCOUNT,
          user: member('America/Toronto'),
          users: { nodes: [member('Asia/Tokyo')] },
        }),
    ]);
    expect(api.account().timeZone).toBe('America/Toronto');
  });

  it('asks again without the users sort when Jobber refuses it, and uses the user’s zone', () => {
    const { api, http } = setup([
      refused("Field 'users' doesn't accept argument 'sort'", {
        code: 'argumentNotAccepted',
        name: 'users',
        typeName: 'Field',
        argumentName: 'sort',
      }),
      () => dataResponse({ account: ACCOUNT, user: member('Australia/Sydney') }),
    ]);
    expect(api.account().timeZone).toBe('Australia/Sydney');
    expect(http.requests.map((request) => queryOf(request))[1]).not.toContain('users(');
  });

  it('falls back to the account alone, then UTC, when the users are hidden from the app', () => {
    const hidden = () =>
      jsonResponse({
        data: null,
        errors: [{ message: 'The field user on an object of type Query was hidden due to permissions' }],
      });
    const { api } = setup([hidden, hidden, () => dataResponse({ account: ACCOUNT })]);
    expect(api.account()).toEqual({ id: 'acc-1', name: 'Acme', timeZone: 'UTC' });
  });

  it('ignores a zone that is not an IANA name', () => {
    const { api } = setup([
      () => dataResponse({ account: ACCOUNT, user: member('not a zone!'), users: { nodes: [owner(null)] } }),
    ]);
    expect(api.account().timeZone).toBe('UTC');
  });

  it('is remembered per user, so later executions ask Jobber nothing', () => {
    const first = setup([
      () => dataResponse({ account: ACCOUNT, user: owner('America/Denver'), users: { nodes: [] } }),
    ]);
    first.api.account();
    expect(JSON.parse(first.userProperties.getProperty(ACCOUNT_PROPERTY) ?? '{}')).toEqual({
      ...ACCOUNT,
      timeZone: 'America/Denver',
    });
  });
});
