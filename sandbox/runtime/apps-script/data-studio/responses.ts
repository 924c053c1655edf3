import { exception } from '../bridge';
import { memberName } from '../enums';
import { Fields } from './fields';
import { AuthType } from './types';

/** Marks an exception built by throwException so the runtime reports it as a Looker Studio user error. */
export const USER_ERROR_MARK = Symbol.for('local-apps-script.data-studio-error');

export interface UserErrorMark {
  readonly kind: 'user' | 'debug';
  readonly text: string;
  readonly debugText: string;
}

export class GetAuthTypeResponse {
  private type: string | null = null;
  private helpUrl: string | null = null;

  setAuthType(type: unknown): GetAuthTypeResponse {
    const name = memberName(AuthType, type);
    if (name === null) throw exception(`Invalid argument: authType (${String(type)} is not an AuthType)`);
    this.type = name;
    return this;
  }

  setHelpUrl(url: unknown): GetAuthTypeResponse {
    this.helpUrl = String(url);
    return this;
  }

  build(): Record<string, unknown> {
    if (this.type === null) throw exception('Invalid auth type response: setAuthType was not called.');
    return this.helpUrl === null ? { type: this.type } : { type: this.type, helpUrl: this.helpUrl };
  }

  printJson(): string {
    return JSON.stringify(this.build());
  }
}

export class GetSchemaResponse {
  private fields: Fields | null = null;

  setFields(fields: unknown): GetSchemaResponse {
    if (!(fields instanceof Fields)) throw exception('Invalid argument: fields');
    this.fields = fields;
    return this;
  }

  build(): Record<string, unknown> {
    if (!this.fields) throw exception('Invalid schema response: setFields was not called.');
    return { schema: this.fields.build() };
  }

  printJson(): string {
    return JSON.stringify(this.build());
  }
}

/** newGetDataResponse(): rows are arrays of strings, one per field, in the fields' order. */
export class GetDataResponse {
  private fields: Fields | null = null;
  private readonly rows: string[][] = [];
  private filtersApplied = false;

  setFields(fields: unknown): GetDataResponse {
    if (!(fields instanceof Fields)) throw exception('Invalid argument: fields');
    this.fields = fields;
    return this;
  }

  addRow(row: unknown): GetDataResponse {
    if (!Array.isArray(row) || row.some((value) => typeof value !== 'string'))
      throw exception('Invalid argument: row (an array of strings)');
    this.rows.push([...(row as string[])]);
    return this;
  }

  addAllRows(rows: unknown): GetDataResponse {
    if (!Array.isArray(rows)) throw exception('Invalid argument: rows');
    rows.forEach((row: unknown) => this.addRow(row));
    return this;
  }

  setFiltersApplied(applied: unknown): GetDataResponse {
    this.filtersApplied = applied === true;
    return this;
  }

  build(): Record<string, unknown> {
    if (!this.fields) throw exception('Invalid data response: setFields was not called.');
    const schema = this.fields.build();
    const bad = this.rows.findIndex((row) => row.length !== schema.length);
    if (bad >= 0)
      throw exception(
        `Invalid data response: row ${bad} has ${this.rows[bad]?.length} values for ${schema.length} fields.`,
      );
    return { schema, rows: this.rows.map((values) => ({ values })), filtersApplied: this.filtersApplied };
  }
}

export class SetCredentialsResponse {
  private valid = false;

  setIsValid(valid: unknown): SetCredentialsResponse {
    this.valid = valid === true;
    return this;
  }

  build(): Record<string, unknown> {
    return { errorCode: this.valid ? 'NONE' : 'INVALID_CREDENTIALS' };
  }

  printJson(): string {
    return JSON.stringify(this.build());
  }
}

/** newUserError() and newDebugError(): throwException throws an exception Looker Studio recognises. */
export class ConnectorErrorBuilder {
  private text = '';
  private debugText = '';

  constructor(private readonly kind: 'user' | 'debug') {}

  setText(text: unknown): ConnectorErrorBuilder {
    this.text = String(text);
    return this;
  }

  setDebugText(text: unknown): ConnectorErrorBuilder {
    if (this.kind === 'debug') throw exception('setDebugText is not a method of DebugError.');
    this.debugText = String(text);
    return this;
  }

  printJson(): string {
    return JSON.stringify({ type: this.kind.toUpperCase(), text: this.text, debugText: this.debugText });
  }

  throwException(): never {
    const error = exception(this.text);
    const mark: UserErrorMark = { kind: this.kind, text: this.text, debugText: this.debugText };
    Object.defineProperty(error, USER_ERROR_MARK, { value: mark });
    throw error;
  }
}
