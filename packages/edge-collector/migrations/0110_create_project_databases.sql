-- Which D1 database holds a project's data (issues, events, transactions, alerts, …):
-- a binding name, `DB` or `DB_2` … `DB_99`. Read in the first database (`DB`) only; the
-- other databases get this table too (migrations apply to all) and leave it empty. A
-- project without a row lives in `DB`, as every project did before there were several.
CREATE TABLE project_databases (
  project_id INTEGER PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
  binding TEXT NOT NULL
);

CREATE INDEX project_databases_binding ON project_databases (binding);
