-- Protocol 14's releases: each release, the pipeline results it received (kept as the events said them, superseded
-- or not), its approvals and waivers, and the latest evaluation of each of its gates.

-- A row exists from the first thing that arrives for a release: a result may come before the registration, which
-- fills in the columns a registration sets (registered_at is null until then).
create table release (
    id                      varchar(255)  primary key,
    version                 bigint        not null default 0,
    service                 varchar(255),
    release_version         varchar(255),
    staging_environment     varchar(255),
    production_environment  varchar(255),
    rto_minutes             integer,
    previous_release        varchar(255),
    required_artifacts      jsonb,
    required_approvals      jsonb,
    expected_differences    jsonb,
    policy_version          varchar(80),
    registered_by           varchar(255),
    registered_at           timestamptz,
    registration_event_id   varchar(64),
    decision                varchar(16),
    reasons                 jsonb,
    decision_event_id       varchar(64),
    decided_at              timestamptz,
    go_event_id             varchar(64),
    ready_since             timestamptz,
    updated_at              timestamptz
);

-- GET /v1/releases: newest first, by service and decision.
create index release_registered on release (registered_at desc, id) where registered_at is not null;
create index release_service on release (service, registered_at desc) where registered_at is not null;

create table release_result (
    seq                     bigserial     primary key,
    release_id              varchar(255)  not null references release (id),
    event_id                varchar(64)   not null unique,
    kind                    varchar(32)   not null,
    scope                   varchar(512),
    received_at             timestamptz   not null,
    submitted_by            varchar(255)  not null,
    payload                 bytea         not null,
    superseded_by           varchar(64)
);
create index release_result_release on release_result (release_id, seq);

create table release_approval (
    id                      bigserial     primary key,
    release_id              varchar(255)  not null references release (id),
    event_id                varchar(64)   not null unique,
    kind                    varchar(64)   not null,
    approver                varchar(255)  not null,
    role                    varchar(64)   not null,
    note                    varchar(4096),
    granted_at              timestamptz   not null,
    expires_at              timestamptz,
    lapsed                  boolean       not null default false,
    evidence_digest         varchar(80)   not null,
    evidence_event_ids      jsonb         not null,
    ready_since             timestamptz
);
create index release_approval_release on release_approval (release_id, id);
-- The expiry job's question: which approvals reached their expiry and were not re-evaluated for it yet.
create index release_approval_due on release_approval (expires_at) where not lapsed and expires_at is not null;

create table gate_waiver (
    id                      bigserial     primary key,
    release_id              varchar(255)  not null references release (id),
    event_id                varchar(64)   not null unique,
    gate                    integer       not null,
    granted_by              varchar(255)  not null,
    role                    varchar(64)   not null,
    risk_assessment         varchar(8192) not null,
    compensating_controls   varchar(8192),
    granted_at              timestamptz   not null,
    expires_at              timestamptz,
    lapsed                  boolean       not null default false
);
create index gate_waiver_release on gate_waiver (release_id, id);
create index gate_waiver_due on gate_waiver (expires_at) where not lapsed and expires_at is not null;

create table release_gate (
    id                      bigserial     primary key,
    release_id              varchar(255)  not null references release (id),
    gate                    integer       not null,
    name                    varchar(64)   not null,
    outcome                 varchar(16)   not null,
    metrics                 jsonb         not null,
    thresholds              jsonb         not null,
    unmet_conditions        jsonb         not null,
    evidence_event_ids      jsonb         not null,
    evaluation_event_id     varchar(64)   not null,
    evaluated_at            timestamptz   not null,
    unique (release_id, gate)
);
