-- Artifact bundles uploaded by sentry-cli: the zip is kept in R2 under
-- bundles/<project>/<checksum>.zip and each source map, prepared for symbolication,
-- under maps/<project>/<checksum>/<n>. artifact_maps finds a prepared map by the debug ID
-- of its files and by release + the URL path of its minified file (`~/path`, any host).
CREATE TABLE artifact_bundles (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL,
  -- SHA-1 of the whole zip, as sentry-cli names it in the assemble request.
  checksum TEXT NOT NULL,
  -- The manifest's debug_id (the bundle's id).
  bundle_id TEXT,
  release TEXT,
  dist TEXT,
  size INTEGER NOT NULL,
  map_count INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (project_id, checksum)
);
CREATE INDEX artifact_bundles_created ON artifact_bundles (created_at);

CREATE TABLE artifact_maps (
  bundle_id INTEGER NOT NULL REFERENCES artifact_bundles (id) ON DELETE CASCADE,
  project_id INTEGER NOT NULL,
  debug_id TEXT,
  release TEXT,
  -- The minified file's URL path ('/assets/app.js' for '~/assets/app.js'), NULL when the
  -- bundle has the map alone.
  url_path TEXT,
  map_key TEXT NOT NULL,
  -- Why the map could not be prepared (not JSON, not a source map), NULL when it was;
  -- symbolication then notes this reason on the event's frames.
  problem TEXT
);
CREATE INDEX artifact_maps_debug_id ON artifact_maps (project_id, debug_id);
CREATE INDEX artifact_maps_release_url ON artifact_maps (project_id, release, url_path);
CREATE INDEX artifact_maps_bundle ON artifact_maps (bundle_id);
