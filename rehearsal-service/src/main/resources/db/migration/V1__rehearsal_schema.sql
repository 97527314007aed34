-- The schema "rehearsal" belongs to rehearsal-service; Flyway creates it before this baseline.
-- Protocol 14's tables (releases, gate evaluations, waivers, decisions) arrive with that protocol.
select 1;
