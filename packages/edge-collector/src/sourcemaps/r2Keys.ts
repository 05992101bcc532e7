// Where things live in the SOURCEMAPS bucket.

/** An uploaded chunk, by its SHA-1; chunks are not tied to a project until assembled. */
export const chunkKey = (sha1: string) => `chunks/${sha1}`;
export const CHUNK_PREFIX = 'chunks/';

/** The artifact bundle (zip) as uploaded. */
export const bundleKey = (projectId: number, checksum: string) =>
  `bundles/${projectId}/${checksum}.zip`;

/** A source map of the bundle, prepared for symbolication (see `prepareSourceMap`). */
export const mapKey = (projectId: number, checksum: string, index: number) =>
  `maps/${projectId}/${checksum}/${index}`;

/** Every prepared map of one bundle. */
export const mapPrefix = (projectId: number, checksum: string) => `maps/${projectId}/${checksum}/`;
