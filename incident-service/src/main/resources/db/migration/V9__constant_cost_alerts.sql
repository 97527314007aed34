-- An alert storm is applied at a constant cost per alert (#9): nothing on the hot path loads an incident's alerts.

-- An alert already grouped is found by its id alone (a resolve may name nothing else), and an incident's alerts are
-- paged in their order; (incident_id, alert_id) is indexed by its unique constraint already.
create index incident_alert_alert_id on incident_alert (alert_id);
create index incident_alert_incident_order on incident_alert (incident_id, id);

-- New alerts are inserted in JDBC batches: their ids come from the sequence 500 at a time (a batch of records) instead
-- of one per insert.
alter sequence incident_alert_id_seq increment by 500;

-- What the gates and the view ask of an incident's alerts, counted as they change.
alter table incident add column alert_count bigint not null default 0;
alter table incident add column firing_count bigint not null default 0;
update incident i set
    alert_count = (select count(*) from incident_alert a where a.incident_id = i.id),
    firing_count = (select count(*) from incident_alert a where a.incident_id = i.id and a.status <> 'RESOLVED');

-- The severity signals of an incident's alerts as running aggregates (io.gatehouse.incident.severity.RunningSignals).
-- Incidents opened before are marked not current: their aggregates are gathered from their alerts when next needed.
alter table incident add column max_slo_burn_rate double precision;
alter table incident add column max_burn_rate double precision;
alter table incident add column max_users_affected_percent double precision;
alter table incident add column max_users_affected_ratio double precision;
alter table incident add column max_regions_affected double precision;
alter table incident add column regions jsonb;
alter table incident add column source_severity varchar(255);
alter table incident add column signals_current boolean not null default false;
