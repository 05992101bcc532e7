// Limits for sentry-cli uploads. A Worker has 128 MB of memory and assembles a bundle in
// one request, so a bundle, its files and everything inflated from it stay well below that.

const MiB = 1024 * 1024;

export const UPLOAD_LIMITS = {
  /** One chunk, after gzip is undone (sentry-cli splits files into chunks of this size). */
  chunkBytes: 8 * MiB,
  chunksPerRequest: 16,
  /** One chunk-upload request body, as sent (gzip). */
  requestBytes: 32 * MiB,
  /** A whole artifact bundle (the zip). */
  bundleBytes: 32 * MiB,
  /** One file inside the zip, inflated. */
  fileBytes: 32 * MiB,
  /** Every file of the zip together, inflated. */
  totalInflatedBytes: 96 * MiB,
  /** Entries in one zip. */
  files: 10_000,
  /** Inflated size over compressed size above which an entry is refused as a zip bomb. */
  compressionRatio: 200,
  /** Chunks not assembled within this time are removed by the cron. */
  staleChunkMs: 24 * 60 * 60 * 1000,
} as const;
