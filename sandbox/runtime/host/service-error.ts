/** A failure the script sees as an Apps Script exception with exactly this message. */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
}
