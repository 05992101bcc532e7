import type { MapIndexRecord } from '../store/artifactBundles';

/** What symbolication looks up for one event, across all its frames. */
export interface MapQuery {
  debugIds: string[];
  release: string | null;
  urlPaths: string[];
}

/**
 * The I/O symbolication needs, passed in so the stage stays a plain function: the map
 * index (D1) and the prepared maps (R2). `readMap` gives null for an object that is gone.
 */
export interface ArtifactReader {
  findMaps(query: MapQuery): Promise<MapIndexRecord[]>;
  readMap(key: string): Promise<string | null>;
}
