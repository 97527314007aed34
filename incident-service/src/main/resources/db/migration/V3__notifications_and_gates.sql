-- Stakeholder notifications, each delivered through a real channel with retries until it succeeds or is given
-- up (and recorded either way); and the latest outcome of each gate on the incident.

create table notification (
    id                  varchar(64)   primary key,
    incident_id         varchar(64)   not null references incident (id),
    channel             varchar(255)  not null,
    audience            varchar(1024) not null,
    severity            varchar(16)   not null,
    reason              varchar(64)   not null,
    text                varchar(4096) not null,
    requested_at        timestamptz   not null,
    status              varchar(16)   not null,
    attempts            integer       not null,
    next_attempt_at     timestamptz   not null,
    completed_at        timestamptz,
    last_error          varchar(2048),
    outcome_event_id    varchar(64)
);

create index notification_due on notification (next_attempt_at) where status = 'PENDING';
create index notification_incident on notification (incident_id, requested_at);

alter table incident add column severity_confirmed_event_id varchar(64);
alter table incident add column gate1_outcome varchar(16);
