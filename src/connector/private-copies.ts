/**
 * The private copies' storage for one execution (docs/replica.md): the hot tier in the user cache,
 * the cold tier in the user's Drive app data folder, and what resetAuth or another Jobber account
 * does to them. Wired by the composition root; built only when a report uses a copy.
 */
import { currentGeneration, uniqueId } from '../cache';
import type { Platform } from '../platform';
import { accountPrefix, AppDataDrive, ColdTier, HotTier, type ReplicaServices } from '../replica';

export interface PrivateCopies {
  readonly services: () => ReplicaServices;
  /** resetAuth: every copy this user keeps goes (the hot tier goes with the cache's generation). */
  forgetAll(): void;
  /** After connecting a Jobber account: copies of any other account go. */
  keepOnly(accountId: string): void;
}

export function wirePrivateCopies(platform: Platform): PrivateCopies {
  let made: ReplicaServices | undefined;
  const services = (): ReplicaServices => (made ??= build(platform));
  return {
    services,
    forgetAll: () => services().cold.removeAll(),
    keepOnly: (accountId) => services().cold.removeAll(accountPrefix(platform.codec, accountId)),
  };
}

function build(platform: Platform): ReplicaServices {
  const { codec, logger, clock } = platform;
  const drive = new AppDataDrive({
    http: platform.http,
    clock,
    oauthToken: () => platform.googleOAuthToken(),
    utf8: (text) => codec.utf8Bytes(text),
  });
  return {
    hot: new HotTier({
      userCache: platform.userCache,
      codec,
      logger,
      now: () => clock.now(),
      generation: () => currentGeneration(platform),
    }),
    cold: new ColdTier({ drive, codec, logger, newId: () => uniqueId(clock.now()) }),
    userLock: platform.userLock,
    userCache: platform.userCache,
    codec,
    clock,
    logger,
  };
}
