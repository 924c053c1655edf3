import type { ConfigParams, ConfigResponse } from './types';

const CONFIG_TYPES = ['TEXTINPUT', 'TEXTAREA', 'SELECT_SINGLE', 'SELECT_MULTIPLE', 'CHECKBOX', 'INFO'];

export type ConfigAnswer = string | boolean | readonly string[];

/** Problems with a getConfig answer (empty when it is what Looker Studio accepts). */
export function configProblems(value: unknown): string[] {
  if (!isObject(value) || !Array.isArray(value.configParams))
    return ['the answer is not { configParams: [...] }'];
  const problems: string[] = [];
  const names = new Set<string>();
  value.configParams.forEach((entry: unknown, index: number) => {
    if (!isObject(entry)) return problems.push(`configParams[${index}] is not an object`);
    const where = `config "${String(entry.name)}"`;
    if (typeof entry.name !== 'string' || entry.name === '')
      problems.push(`configParams[${index}] has no name (id)`);
    else if (names.has(entry.name)) problems.push(`${where} appears twice`);
    else names.add(entry.name);
    if (!CONFIG_TYPES.includes(String(entry.type)))
      problems.push(`${where} has an unknown type ${String(entry.type)}`);
    if (entry.type !== 'INFO' && (typeof entry.displayName !== 'string' || entry.displayName === ''))
      problems.push(`${where} has no displayName`);
    if (entry.type === 'SELECT_SINGLE' || entry.type === 'SELECT_MULTIPLE')
      problems.push(...optionProblems(where, entry.options));
    return undefined;
  });
  for (const flag of ['dateRangeRequired', 'isSteppedConfig']) {
    if (value[flag] !== undefined && typeof value[flag] !== 'boolean')
      problems.push(`${flag} is not a boolean`);
  }
  return problems;
}

function optionProblems(where: string, options: unknown): string[] {
  if (!Array.isArray(options) || options.length === 0) return [`${where} is a select without options`];
  const bad = options.filter(
    (option: unknown) =>
      !isObject(option) || typeof option.label !== 'string' || typeof option.value !== 'string',
  );
  return bad.length > 0 ? [`${where} has options without a string label and value`] : [];
}

/**
 * The values Looker Studio would send for the user's answers to the entries of this config step:
 * strings (a multiple choice comma-joined), checkboxes as booleans. Unknown choices are refused.
 */
export function encodeAnswers(
  config: ConfigResponse,
  answers: Readonly<Record<string, ConfigAnswer>>,
): Record<string, string | boolean> {
  const values: Record<string, string | boolean> = {};
  for (const entry of config.configParams) {
    const answer = answers[entry.name];
    if (answer === undefined || entry.type === 'INFO') continue;
    const chosen = typeof answer === 'string' || typeof answer === 'boolean' ? [answer] : [...answer];
    if (entry.options) {
      const allowed = entry.options.map((option) => option.value);
      const unknown = chosen.filter((choice) => !allowed.includes(String(choice)));
      if (unknown.length > 0)
        throw new Error(
          `"${unknown.join(', ')}" is not an option of config "${entry.name}" (${allowed.join(', ')})`,
        );
    }
    values[entry.name] =
      entry.type === 'CHECKBOX' ? answer === true || answer === 'true' : chosen.map(String).join(',');
  }
  return values;
}

export function unanswered(config: ConfigResponse, params: ConfigParams): string[] {
  return config.configParams
    .filter((entry) => entry.type !== 'INFO' && !(entry.name in params))
    .map((entry) => entry.name);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
