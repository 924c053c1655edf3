/**
 * The private copy cannot serve this request: neither tier could keep an unfinished copy (reading on
 * from scratch each time would never finish), or more records share one second than an execution
 * can read. The request then takes the live path (connector/data.ts).
 */
export class CopyUnavailable extends Error {
  override readonly name = 'CopyUnavailable';
  constructor(readonly reason: 'not_kept' | 'too_dense' = 'not_kept') {
    super(`The private copy cannot serve this request (${reason}).`);
  }
}
