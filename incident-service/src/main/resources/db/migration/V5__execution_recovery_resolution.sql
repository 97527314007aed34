-- Phase 3 (the rollback's execution and the recovery checks, gate 3) and phase 4 (root-cause evidence, the
-- resolution, gate 4).

alter table mitigation add column execution_status varchar(16);
alter table mitigation add column execution_event_id varchar(64);
alter table mitigation add column recovery_pass_rate double precision;
alter table mitigation add column recovery_event_id varchar(64);
alter table mitigation add column gate3_outcome varchar(16);

alter table incident add column resolution_summary varchar(4096);
alter table incident add column slo_restored boolean;
alter table incident add column follow_ups jsonb;
alter table incident add column resolved_by varchar(255);
alter table incident add column resolution_event_id varchar(64);
alter table incident add column gate4_outcome varchar(16);

create table root_cause_evidence (
    id                  bigserial     primary key,
    incident_id         varchar(64)   not null references incident (id),
    kind                varchar(16)   not null,
    title               varchar(1024) not null,
    location            varchar(2048) not null,
    event_id            varchar(64)   not null
);

create index root_cause_evidence_incident on root_cause_evidence (incident_id, id);
