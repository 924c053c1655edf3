/**
 * graphql-js runs expensive development checks (instanceof across realms) unless NODE_ENV is
 * production; the sandbox server is imported after this so that pages of invoices stay cheap.
 */
process.env.NODE_ENV ??= 'production';
if (process.env.NODE_ENV === 'test') process.env.NODE_ENV = 'production';

export const PRODUCTION_MODE = process.env.NODE_ENV === 'production';
