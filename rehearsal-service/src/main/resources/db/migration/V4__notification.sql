-- The shared notification delivery (io.gatehouse.messaging.notification), in this service's schema: each notice of a
-- failed gate on one channel, with every attempt to deliver it; same DDL in every service that notifies.

create table notification (
    id                  varchar(64)   primary key,
    subject             varchar(255)  not null,
    kind                varchar(64)   not null,
    labels              varchar(2048) not null,
    channel             varchar(255)  not null,
    audience            varchar(1024) not null,
    text                varchar(4096) not null,
    requested_at        timestamptz   not null,
    status              varchar(16)   not null,
    attempts            integer       not null,
    next_attempt_at     timestamptz   not null,
    completed_at        timestamptz,
    last_error          varchar(2048),
    outcome_event_id    varchar(64),
    version             bigint        not null default 0
);
create index notification_due on notification (next_attempt_at) where status = 'PENDING';
create index notification_subject on notification (subject, requested_at);
