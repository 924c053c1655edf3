/** The private copy's public surface: what the composition root and getData use (docs/replica.md). */
export {
  accountPrefix,
  answerFromReplica,
  CopyUnavailable,
  replicaKey,
  type ReplicaQuery,
  type ReplicaServices,
} from './replicas';
export { DEFAULT_SYNC_SETTINGS, type SyncSettings } from './changes';
export { ColdTier } from './cold-tier';
export { AppDataDrive } from './drive-client';
export { HotTier } from './hot-tier';
export type { JobberPort, RecordRead } from './port';
