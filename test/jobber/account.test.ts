/** The connected account and its time zone, as the client asks Jobber for it and remembers it. */
import { ACCOUNT_PROPERTY } from '../../src/jobber/account';
import { RuntimeBudget } from '../../src/jobber/budget';
import { createJobberClient } from '../../src/jobber/client';
import { FakeClock, MemoryProperties, ScriptedHttp, type Responder } from '../support/platform-fakes';
import { FakeTokens, dataResponse, freshStats, jsonResponse } from './fakes';

const OWNER_ZONE = () =>
  dataResponse({ account: { id: 'acc-1', name: 'Acme', accountOwner: { timezone: 'America/Denver' } } });
const HIDDEN = () =>
  jsonResponse({
    data: null,
    errors: [{ message: 'The field accountOwner on Account was hidden due to permissions' }],
  });

function client(responders: Responder[], userProperties = new MemoryProperties()) {
  const clock = new FakeClock();
  const http = new ScriptedHttp(responders);
  const { api } = createJobberClient({
    http,
    clock,
    tokens: new FakeTokens(),
    stats: freshStats(),
    userProperties,
    graphqlUrl: 'https://jobber.test/api/graphql',
    budget: new RuntimeBudget(clock, clock.now(), 300_000),
  });
  return { api, http, userProperties };
}

describe('the connected account', () => {
  it('takes the account owner’s time zone, and stores the account', () => {
    const { api, userProperties } = client([OWNER_ZONE]);
    expect(api.account()).toEqual({ id: 'acc-1', name: 'Acme', timeZone: 'America/Denver' });
    expect(JSON.parse(userProperties.getProperty(ACCOUNT_PROPERTY) ?? '{}')).toMatchObject({ id: 'acc-1' });
  });

  it('falls back to the user’s time zone when the owner’s is hidden', () => {
    const accountOnly = () => dataResponse({ account: { id: 'acc-1', name: 'Acme' } });
    const userZone = () => dataResponse({ user: { timezone: 'Australia/Sydney' } });
    expect(client([HIDDEN, accountOnly, userZone]).api.account()).toEqual({
      id: 'acc-1',
      name: 'Acme',
      timeZone: 'Australia/Sydney',
    });
  });

  it('falls back to UTC when neither zone can be read', () => {
    const noZone = () =>
      dataResponse({ account: { id: 'acc-1', name: 'Acme', accountOwner: { timezone: null } } });
    const userHidden = () => jsonResponse({ errors: [{ message: 'user was hidden due to permissions' }] });
    expect(client([noZone, userHidden]).api.account().timeZone).toBe('UTC');
  });

  it('is served from user properties without asking Jobber again', () => {
    const { userProperties } = client([]);
    client([OWNER_ZONE], userProperties).api.account();
    const later = client([], userProperties);
    expect(later.api.account().id).toBe('acc-1');
    expect(later.http.requests).toHaveLength(0);
  });
});
