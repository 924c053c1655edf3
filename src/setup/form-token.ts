import type { CacheStore } from '../platform';

/** How long a form served by doGet may be posted (the owner may take a while to find the secret). */
export const FORM_TOKEN_TTL_SECONDS = 3_600;
const KEY_PREFIX = 'setupForm.';
const TOKEN_SHAPE = /^[0-9a-f-]{36}$/i;

/**
 * Anti-forgery tokens: each form carries a fresh random token kept in the owner's user cache; a
 * post is accepted only with a token this page issued, unexpired and unused. A page elsewhere that
 * makes the owner's browser post to the web app cannot know one.
 */
export function issueFormToken(userCache: CacheStore, uuid: () => string): string {
  const token = uuid();
  userCache.put(KEY_PREFIX + token, '1', FORM_TOKEN_TTL_SECONDS);
  return token;
}

/** True once per issued token; false for anything else. */
export function redeemFormToken(userCache: CacheStore, token: string | undefined): boolean {
  if (!token || !TOKEN_SHAPE.test(token)) return false;
  const key = KEY_PREFIX + token;
  if (userCache.get(key) !== '1') return false;
  userCache.remove(key);
  return true;
}
