-- Incidents opened from alerts, the alerts grouped into each, and the messaging tables that make every
-- state change and its events one transaction (outbox) and every consumed event count once (consumed_event).

create table incident (
    id                  varchar(64)   primary key,
    grouping_key        varchar(512)  not null,
    service             varchar(255),
    alert_name          varchar(255)  not null,
    title               varchar(1024) not null,
    status              varchar(32)   not null,
    severity            varchar(16)   not null,
    severity_rule       varchar(128)  not null,
    severity_rationale  varchar(2048) not null,
    opened_at           timestamptz   not null,
    updated_at          timestamptz   not null
);

-- An alert storm is one incident: at most one open incident per grouping key.
create unique index incident_one_open_per_group on incident (grouping_key) where status = 'OPEN';

create table incident_alert (
    id                  bigserial     primary key,
    incident_id         varchar(64)   not null references incident (id),
    alert_id            varchar(255)  not null,
    status              varchar(16)   not null,
    labels              jsonb         not null,
    annotations         jsonb         not null,
    starts_at           timestamptz   not null,
    ends_at             timestamptz,
    last_event_id       varchar(64)   not null,
    last_received_at    timestamptz   not null,
    unique (incident_id, alert_id)
);

create table consumed_event (
    event_id            varchar(64)   primary key,
    topic               varchar(255)  not null,
    consumed_at         timestamptz   not null
);

create table outbox_event (
    seq                 bigserial     primary key,
    event_id            varchar(64)   not null unique,
    topic               varchar(255)  not null,
    event_key           varchar(255)  not null,
    event_type          varchar(255)  not null,
    source              varchar(255)  not null,
    subject             varchar(255)  not null,
    event_time          timestamptz   not null,
    payload             bytea         not null,
    published_at        timestamptz
);

create index outbox_event_unpublished on outbox_event (seq) where published_at is null;
