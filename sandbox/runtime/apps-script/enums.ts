/**
 * Apps Script enums are objects, not strings: `String(FieldType.NUMBER)` is "NUMBER", and methods
 * that take an enum accept only its members.
 */
export interface EnumMember {
  readonly name: string;
  toString(): string;
  toJSON(): string;
}

export type Enum<K extends string> = Readonly<Record<K, EnumMember>>;

export function makeEnum<K extends string>(names: readonly K[]): Enum<K> {
  const members = {} as Record<K, EnumMember>;
  for (const name of names) {
    members[name] = Object.freeze({ name, toString: () => name, toJSON: () => name });
  }
  return Object.freeze(members);
}

/** The member's name if `value` is a member of `enumeration`, else null. */
export function memberName<K extends string>(enumeration: Enum<K>, value: unknown): K | null {
  for (const name of Object.keys(enumeration) as K[]) {
    if (enumeration[name] === value) return name;
  }
  return null;
}
