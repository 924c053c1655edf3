import { classifyResponse } from '../../src/jobber/classify';
import { costExtension, jsonResponse } from './fakes';

const NOW = Date.UTC(2025, 5, 1);

function kindOf(response: ReturnType<typeof jsonResponse>): string {
  const classified = classifyResponse(response, NOW);
  return classified.ok ? 'ok' : classified.failure.kind;
}

describe('classifying a GraphQL response', () => {
  it('returns data and the cost Jobber reports', () => {
    const classified = classifyResponse(
      jsonResponse({
        data: { account: { id: 'a' } },
        extensions: costExtension({ requested: 3, available: 9_997 }),
      }),
      NOW,
    );
    expect(classified).toEqual({
      ok: true,
      data: { account: { id: 'a' } },
      cost: {
        requestedQueryCost: 3,
        actualQueryCost: 3,
        throttleStatus: { maximumAvailable: 10_000, currentlyAvailable: 9_997, restoreRate: 500 },
      },
    });
  });

  it('finds THROTTLED inside an HTTP 200 and keeps the numbers the wait is computed from', () => {
    const classified = classifyResponse(
      jsonResponse({
        errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
        extensions: costExtension({ requested: 1_005, actual: 0, available: 40 }),
      }),
      NOW,
    );
    expect(classified.ok).toBe(false);
    if (classified.ok) return;
    expect(classified.failure.kind).toBe('throttled');
    expect(classified.failure.details).toMatchObject({
      requestedQueryCost: 1_005,
      throttleStatus: { currentlyAvailable: 40, restoreRate: 500 },
    });
  });

  it('treats THROTTLED as throttling whatever the HTTP status', () => {
    const body = { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }] };
    expect(kindOf(jsonResponse(body, 429))).toBe('throttled');
  });

  it.each([
    [401, { message: 'Invalid Token Error' }, 'unauthorized'],
    [
      401,
      { message: 'User has disconnected this app from their account. Please delete this token' },
      'disconnected',
    ],
    [
      200,
      { message: 'User has disconnected this app from their account. Please delete this token' },
      'disconnected',
    ],
    [403, { error: { message: 'This account is not active' } }, 'account_inactive'],
    [401, { error: { message: 'This account is not active' } }, 'account_inactive'],
    [429, {}, 'rate_limited'],
    [500, {}, 'server'],
    [502, 'not json', 'server'],
    [503, { message: 'Service temporarily unavailable' }, 'server'],
    [200, { message: 'Service temporarily unavailable' }, 'server'],
    [400, { errors: [{ message: 'bad' }] }, 'http'],
    [404, {}, 'http'],
  ])('HTTP %i with %j is %s', (status, body, kind) => {
    const response =
      typeof body === 'string' ? { status, headers: {}, body } : jsonResponse(body, status as number);
    expect(kindOf(response)).toBe(kind);
  });

  it('recognises a field hidden by the app’s permissions', () => {
    const body = {
      data: null,
      errors: [{ message: 'The field jobs on an object of type Query was hidden due to permissions' }],
    };
    expect(kindOf(jsonResponse(body))).toBe('permission_hidden');
  });

  it('fails on any other GraphQL error, even next to partial data', () => {
    const body = {
      data: { invoices: null },
      errors: [{ message: "Field 'x' doesn't exist on type 'Invoice'" }],
    };
    expect(kindOf(jsonResponse(body))).toBe('graphql');
  });

  it.each([
    ['an HTML page', '<html>oops</html>'],
    ['JSON without data', '{}'],
    ['a JSON array', '[]'],
    ['data that is not an object', '{"data": 3}'],
  ])('calls %s malformed', (_what, body) => {
    expect(kindOf({ status: 200, headers: {}, body })).toBe('malformed');
  });

  it('reads Retry-After in seconds or as an HTTP date', () => {
    const seconds = classifyResponse(jsonResponse({}, 429, { 'retry-after': '12' }), NOW);
    const date = classifyResponse(
      jsonResponse({}, 429, { 'retry-after': new Date(NOW + 30_000).toUTCString() }),
      NOW,
    );
    expect(seconds.ok ? undefined : seconds.failure.details.retryAfterSeconds).toBe(12);
    expect(date.ok ? undefined : date.failure.details.retryAfterSeconds).toBe(30);
  });

  it('ignores a malformed cost extension instead of failing the request', () => {
    const classified = classifyResponse(
      jsonResponse({ data: { a: 1 }, extensions: { cost: { requestedQueryCost: 'lots' } } }),
      NOW,
    );
    expect(classified).toEqual({ ok: true, data: { a: 1 }, cost: undefined });
  });

  it('keeps tokens out of the failure message even when Jobber echoes one', () => {
    const echoed = ['eyJhbGciOiJub25lIn0', 'eyJzdWIiOiIxMjM0NSJ9', 'c2ln'].join('.');
    const classified = classifyResponse(jsonResponse({ message: `bad token ${echoed}` }, 400), NOW);
    expect(classified.ok ? '' : classified.failure.message).not.toContain(echoed);
  });
});

describe('recognising what Jobber’s schema refused (graphql-ruby’s answers)', () => {
  function mismatchesOf(error: Record<string, unknown>) {
    const classified = classifyResponse(jsonResponse({ errors: [error] }), NOW);
    if (classified.ok) throw new Error('expected a failure');
    return { kind: classified.failure.kind, mismatches: classified.failure.details.schemaMismatches };
  }

  it('a field the type does not have', () => {
    expect(
      mismatchesOf({
        message: "Field 'amounts' doesn't exist on type 'Visit'",
        path: ['query VisitsReport', 'visits', 'nodes', 'amounts'],
        extensions: { code: 'undefinedField', typeName: 'Visit', fieldName: 'amounts' },
      }),
    ).toEqual({
      kind: 'schema_mismatch',
      mismatches: [
        {
          code: 'undefinedField',
          typeName: 'Visit',
          fieldName: 'amounts',
          documentPath: ['query VisitsReport', 'visits', 'nodes', 'amounts'],
          message: "Field 'amounts' doesn't exist on type 'Visit'",
        },
      ],
    });
  });

  it('an argument the field does not accept', () => {
    expect(
      mismatchesOf({
        message: "Field 'visits' doesn't accept argument 'sort'",
        extensions: { code: 'argumentNotAccepted', name: 'visits', typeName: 'Field', argumentName: 'sort' },
      }).mismatches,
    ).toEqual([
      {
        code: 'argumentNotAccepted',
        typeName: 'Field',
        fieldName: 'visits',
        argumentName: 'sort',
        message: "Field 'visits' doesn't accept argument 'sort'",
      },
    ]);
  });

  it('a variable whose value the type refuses, with the path of each problem', () => {
    expect(
      mismatchesOf({
        message:
          'Variable $filter of type VisitFilterAttributes was provided invalid value for isComplete (Field is not defined on VisitFilterAttributes)',
        extensions: {
          value: { isComplete: true },
          problems: [{ path: ['isComplete'], explanation: 'Field is not defined on VisitFilterAttributes' }],
        },
      }).mismatches,
    ).toEqual([
      expect.objectContaining({ code: 'invalidVariable', variable: 'filter', valuePaths: [['isComplete']] }),
    ]);
  });

  it('leaves any other GraphQL error a plain GraphQL failure', () => {
    expect(kindOf(jsonResponse({ errors: [{ message: 'Something else' }] }))).toBe('graphql');
    expect(
      kindOf(
        jsonResponse({
          errors: [{ message: 'Oops', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        }),
      ),
    ).toBe('graphql');
  });
});

it('reads a schema refusal in a 400 answer the same way', () => {
  const classified = classifyResponse(
    jsonResponse(
      {
        errors: [
          {
            message: "Field 'title' doesn't exist on type 'Visit'",
            extensions: { code: 'undefinedField', typeName: 'Visit', fieldName: 'title' },
          },
        ],
      },
      400,
    ),
    NOW,
  );
  expect(classified.ok ? 'ok' : classified.failure.kind).toBe('schema_mismatch');
});
