/**
 * Text too large for one cache value, stored as pieces written with one putAll and read with one
 * getAll. Callers key the pieces by a write-unique id, so pieces of two writes never mix, and keep
 * the piece count and length (in an index or head) to detect a piece the cache evicted.
 */
import type { CacheStore } from '../platform';

/** Characters per piece: base64 is ASCII, so this stays under 100 KB however Google counts a KB. */
export const PIECE_CHARACTERS = 90_000;

export interface StoredText {
  readonly pieces: number;
  readonly characters: number;
}

/** Writes `text` in pieces; null (nothing written) when it would take more than `maxPieces`. */
export function storeTextPieces(
  cache: CacheStore,
  pieceKey: (position: number) => string,
  text: string,
  options: { readonly ttlSeconds: number; readonly maxPieces: number },
): StoredText | null {
  const pieces = splitIntoPieces(text, PIECE_CHARACTERS);
  if (pieces.length > options.maxPieces) return null;
  const values: Record<string, string> = {};
  pieces.forEach((piece, position) => (values[pieceKey(position)] = piece));
  cache.putAll(values, options.ttlSeconds);
  return { pieces: pieces.length, characters: text.length };
}

/** The text again, or null when any piece is gone or the whole has another length. */
export function loadTextPieces(
  cache: CacheStore,
  pieceKey: (position: number) => string,
  stored: StoredText,
): string | null {
  const keys = Array.from({ length: stored.pieces }, (_, position) => pieceKey(position));
  const found = cache.getAll(keys);
  const pieces = keys.map((key) => found[key]);
  if (!pieces.every((piece): piece is string => typeof piece === 'string')) return null;
  const text = pieces.join('');
  return text.length === stored.characters ? text : null;
}

/** `text` cut into pieces of at most `pieceLength` characters (at least one piece). */
function splitIntoPieces(text: string, pieceLength: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += pieceLength) {
    pieces.push(text.slice(start, start + pieceLength));
  }
  return pieces.length > 0 ? pieces : [''];
}
