/** Questions in a terminal, through @inquirer/prompts; without a terminal nothing is ever asked. */
import { confirm, input, select } from '@inquirer/prompts';

export interface Choice<T extends string> {
  readonly value: T;
  readonly name: string;
  readonly description?: string;
}

export interface Prompter {
  select<T extends string>(message: string, choices: readonly Choice<T>[]): Promise<T>;
  /** `validate` returns true or the reason the answer is refused. */
  input(message: string, validate: (answer: string) => true | string): Promise<string>;
  confirm(message: string, defaultAnswer: boolean): Promise<boolean>;
}

export interface Terminal {
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
}

export function inquirerPrompter(terminal: Terminal = {}): Prompter {
  return {
    select: (message, choices) => select({ message, choices: [...choices] }, terminal),
    input: (message, validate) => input({ message, validate }, terminal),
    confirm: (message, defaultAnswer) => confirm({ message, default: defaultAnswer }, terminal),
  };
}
