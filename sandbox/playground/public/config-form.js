// Renders the connector's getConfig answer as a form, the way Looker Studio does, and reads the
// answers back as Looker Studio sends them: strings, multiple choices comma-joined, checkboxes as booleans.

import { el } from './dom.js';

/** Draws every entry of the config; onDynamicChange runs when a dynamic entry (or, while stepped, any choice) changes. */
export function renderConfig(form, config, values, onDynamicChange) {
  form.replaceChildren(...config.configParams.map((entry) => entryView(entry, values[entry.name])));
  for (const entry of config.configParams) {
    const input = form.elements.namedItem(entry.name);
    if (!input || !(entry.isDynamic || config.isSteppedConfig)) continue;
    input.addEventListener('change', () => onDynamicChange(entry.name));
  }
}

function entryView(entry, value) {
  if (entry.type === 'INFO')
    return el('div', { className: 'entry info', id: `config-${entry.name}` }, entry.text ?? '');
  const id = `config-${entry.name}`;
  const help = entry.helpText ? el('div', { className: 'help' }, entry.helpText) : null;
  const label = el('label', { htmlFor: id }, entry.displayName);
  if (entry.type === 'CHECKBOX') {
    const box = el('input', { type: 'checkbox', id, name: entry.name, checked: value === true });
    return el('div', { className: 'entry' }, el('label', { htmlFor: id }, box, ' ', entry.displayName), help);
  }
  return el('div', { className: 'entry' }, label, inputFor(entry, id, value), help);
}

function inputFor(entry, id, value) {
  const common = { id, name: entry.name };
  if (entry.type === 'TEXTAREA')
    return el('textarea', { ...common, placeholder: entry.placeholder ?? '', value: value ?? '' });
  if (entry.type === 'TEXTINPUT')
    return el('input', { ...common, type: 'text', placeholder: entry.placeholder ?? '', value: value ?? '' });
  const multiple = entry.type === 'SELECT_MULTIPLE';
  const chosen = new Set(typeof value === 'string' && value !== '' ? value.split(',') : []);
  const options = entry.options.map((option) =>
    el('option', { value: option.value, selected: chosen.has(option.value) }, option.label),
  );
  const placeholder = multiple ? [] : [el('option', { value: '', selected: chosen.size === 0 }, 'Choose…')];
  return el('select', { ...common, multiple }, placeholder, options);
}

/** The configParams Looker Studio would send for what is filled in; empty answers are left out. */
export function readConfig(form, config) {
  const params = {};
  for (const entry of config.configParams) {
    const input = form.elements.namedItem(entry.name);
    if (!input || entry.type === 'INFO') continue;
    if (entry.type === 'CHECKBOX') params[entry.name] = input.checked;
    else if (entry.type === 'SELECT_MULTIPLE') {
      const chosen = [...input.selectedOptions].map((option) => option.value);
      if (chosen.length > 0) params[entry.name] = chosen.join(',');
    } else if (input.value !== '') params[entry.name] = input.value;
  }
  return params;
}

/** Answers still missing before the next step can be asked for (only selects; text may stay empty). */
export function missingChoices(config, params) {
  return config.configParams.filter(
    (entry) =>
      (entry.type === 'SELECT_SINGLE' || entry.type === 'SELECT_MULTIPLE') && !(entry.name in params),
  );
}
