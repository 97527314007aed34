-- Phase 1 consensus: responders review the proposed severity, the incident commander settles it; a responder
-- can close an incident as a false positive.

alter table incident add column severity_confirmed_by varchar(255);
alter table incident add column severity_confirmed_at timestamptz;
alter table incident add column closed_reason varchar(2048);

create table severity_review (
    id                  bigserial     primary key,
    incident_id         varchar(64)   not null references incident (id),
    reviewer            varchar(255)  not null,
    verdict             varchar(16)   not null,
    proposed_severity   varchar(16)   not null,
    suggested_severity  varchar(16),
    note                varchar(2048),
    reviewed_at         timestamptz   not null
);

create index severity_review_incident on severity_review (incident_id, id);
