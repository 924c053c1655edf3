import { Random } from '../core/random';
import { AccountData } from './account-data';
import { emptyCollections } from './collections';
import { profileFor, type AccountSpec, type DataSize } from './accounts';
import { generateInvoices } from './billing';
import { GenContext } from './context';
import { generateExpenses, generateTimeSheets } from './costs';
import { computeJobCosting, finalizeJobs } from './finalize';
import { generateClients, generateProducts, generateTaxRates, generateUsers } from './people';
import { generateOpenSales } from './sales';
import { generateJobs } from './work';

export interface GenerateOptions {
  readonly size: DataSize;
  readonly seed: number;
  /** History ends here (the sandbox clock at start-up). */
  readonly now: number;
}

/** Offsets the project stream's number from the account's main stream (accounts are 1, 2, 3). */
const PROJECT_STREAM = 0x100;

/** One account's whole history, deterministic for (account, size, seed, now). */
export function generateAccount(spec: AccountSpec, options: GenerateOptions): AccountData {
  const records = emptyCollections();
  const rng = new Random(options.seed, spec.index);
  const projectRng = new Random(options.seed, PROJECT_STREAM + spec.index);
  const ctx = new GenContext(
    spec,
    profileFor(options.size, spec),
    rng,
    projectRng,
    Math.floor(options.now / 1000) * 1000,
    records,
  );
  generateUsers(ctx);
  generateTaxRates(ctx);
  generateProducts(ctx);
  generateClients(ctx);
  generateJobs(ctx);
  generateOpenSales(ctx);
  generateInvoices(ctx);
  generateExpenses(ctx);
  finalizeJobs(ctx);
  sortByCreation(records.requests);
  sortByCreation(records.quotes);
  deferTimeSheets(ctx);
  return new AccountData(spec, records, ctx.now);
}

/**
 * Timesheets are the biggest collection and only some reports need them: they (and the job costing
 * computed from them) are generated on first access, from the same random stream, so the result
 * does not depend on when that happens.
 */
function deferTimeSheets(ctx: GenContext): void {
  Object.defineProperty(ctx.records, 'timeSheetEntries', {
    configurable: true,
    enumerable: true,
    get: () => {
      Object.defineProperty(ctx.records, 'timeSheetEntries', { value: [], writable: true, enumerable: true });
      generateTimeSheets(ctx);
      computeJobCosting(ctx);
      return ctx.records.timeSheetEntries;
    },
  });
}

function sortByCreation<T extends { id: number; createdAt: number }>(records: T[]): void {
  records.sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
}
