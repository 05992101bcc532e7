import { projectDatabase } from '../databases/projectDatabase';
import type { Env } from '../env';
import { selectMaps } from '../store/artifactBundles';
import type { ArtifactReader } from '../types/ArtifactReader';

/** The map index in D1 and prepared maps in R2 of one project, for `symbolicateEvent`. */
export function artifactReaderFor(env: Env, projectId: number): ArtifactReader | undefined {
  if (!env.SOURCEMAPS) return undefined; // a deployment without the bucket symbolicates nothing
  return {
    findMaps: async (query) => selectMaps(await projectDatabase(env, projectId), projectId, query),
    readMap: async (key) => (await env.SOURCEMAPS.get(key))?.text() ?? null,
  };
}
