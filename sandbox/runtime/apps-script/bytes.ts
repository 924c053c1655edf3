import { exception } from './bridge';

/** Apps Script byte arrays are Java bytes: numbers from -128 to 127. */
export function toByteArray(bytes: Uint8Array): number[] {
  return Array.from(bytes, (byte) => (byte > 127 ? byte - 256 : byte));
}

export function isByteArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'number' && Number.isInteger(item));
}

/** Accepts signed or unsigned byte values, as Apps Script does. */
export function fromByteArray(values: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(values.length);
  values.forEach((value, index) => {
    if (value < -128 || value > 255) throw exception(`Invalid argument: byte value ${value} out of range`);
    bytes[index] = value & 0xff;
  });
  return bytes;
}
