import { exception } from '../bridge';

type ConfigType = 'TEXTINPUT' | 'TEXTAREA' | 'SELECT_SINGLE' | 'SELECT_MULTIPLE' | 'CHECKBOX' | 'INFO';

/** cc.newOptionBuilder(): one choice of a select. */
export class OptionBuilder {
  label: string | null = null;
  value: string | null = null;

  setLabel(label: unknown): OptionBuilder {
    this.label = String(label);
    return this;
  }

  setValue(value: unknown): OptionBuilder {
    this.value = String(value);
    return this;
  }
}

/** One entry of getConfig: every input kind shares these setters; selects add options, INFO has text. */
export class ConfigEntry {
  private id: string | null = null;
  private name: string | null = null;
  private helpText: string | null = null;
  private placeholder: string | null = null;
  private text: string | null = null;
  private allowOverride: boolean | null = null;
  private isDynamic: boolean | null = null;
  private readonly options: OptionBuilder[] = [];

  constructor(readonly type: ConfigType) {}

  setId(id: unknown): ConfigEntry {
    this.id = String(id);
    return this;
  }
  setName(name: unknown): ConfigEntry {
    this.name = String(name);
    return this;
  }
  setHelpText(text: unknown): ConfigEntry {
    this.helpText = String(text);
    return this;
  }
  setPlaceholder(text: unknown): ConfigEntry {
    this.placeholder = String(text);
    return this;
  }
  setText(text: unknown): ConfigEntry {
    this.text = String(text);
    return this;
  }
  setAllowOverride(allow: unknown): ConfigEntry {
    this.allowOverride = allow === true;
    return this;
  }
  setIsDynamic(dynamic: unknown): ConfigEntry {
    this.isDynamic = dynamic === true;
    return this;
  }

  addOption(option: unknown): ConfigEntry {
    if (!(option instanceof OptionBuilder)) throw exception('Invalid argument: optionBuilder');
    this.options.push(option);
    return this;
  }

  toJson(): Record<string, unknown> {
    if (!this.id) throw exception(`Invalid config: a ${this.type} entry needs an id (setId).`);
    if (this.type === 'INFO') return { type: this.type, name: this.id, text: this.text ?? '' };
    if (!this.name) throw exception(`Invalid config "${this.id}": it needs a name (setName).`);
    const json: Record<string, unknown> = { type: this.type, name: this.id, displayName: this.name };
    if (this.helpText !== null) json.helpText = this.helpText;
    if (this.placeholder !== null) json.placeholder = this.placeholder;
    if (this.isDynamic !== null) json.isDynamic = this.isDynamic;
    if (this.allowOverride !== null) json.parameterControl = { allowOverride: this.allowOverride };
    if (this.type === 'SELECT_SINGLE' || this.type === 'SELECT_MULTIPLE') json.options = this.optionsJson();
    return json;
  }

  private optionsJson(): Array<{ label: string; value: string }> {
    if (this.options.length === 0) throw exception(`Invalid config "${this.id}": a select needs options.`);
    return this.options.map((option) => {
      if (option.label === null || option.value === null)
        throw exception(`Invalid config "${this.id}": every option needs a label and a value.`);
      return { label: option.label, value: option.value };
    });
  }
}

/** cc.getConfig(): the entries in creation order, plus the date range and stepped flags. */
export class Config {
  private readonly entries: ConfigEntry[] = [];
  private dateRangeRequired: boolean | null = null;
  private isSteppedConfig: boolean | null = null;

  newTextInput(): ConfigEntry {
    return this.add('TEXTINPUT');
  }
  newTextArea(): ConfigEntry {
    return this.add('TEXTAREA');
  }
  newSelectSingle(): ConfigEntry {
    return this.add('SELECT_SINGLE');
  }
  newSelectMultiple(): ConfigEntry {
    return this.add('SELECT_MULTIPLE');
  }
  newCheckbox(): ConfigEntry {
    return this.add('CHECKBOX');
  }
  newInfo(): ConfigEntry {
    return this.add('INFO');
  }
  newOptionBuilder(): OptionBuilder {
    return new OptionBuilder();
  }

  setDateRangeRequired(required: unknown): Config {
    this.dateRangeRequired = required === true;
    return this;
  }

  setIsSteppedConfig(stepped: unknown): Config {
    this.isSteppedConfig = stepped === true;
    return this;
  }

  build(): Record<string, unknown> {
    const ids = new Set<string>();
    const configParams = this.entries.map((entry) => {
      const json = entry.toJson();
      if (ids.has(String(json.name)))
        throw exception(`Invalid config: the id "${String(json.name)}" is used twice.`);
      ids.add(String(json.name));
      return json;
    });
    const result: Record<string, unknown> = { configParams };
    if (this.dateRangeRequired !== null) result.dateRangeRequired = this.dateRangeRequired;
    if (this.isSteppedConfig !== null) result.isSteppedConfig = this.isSteppedConfig;
    return result;
  }

  printJson(): string {
    return JSON.stringify(this.build());
  }

  private add(type: ConfigType): ConfigEntry {
    const entry = new ConfigEntry(type);
    this.entries.push(entry);
    return entry;
  }
}
