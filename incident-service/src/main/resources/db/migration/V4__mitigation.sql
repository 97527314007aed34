-- Phase 2, mitigation planning: the chosen mitigation and affected scope, the rollback readiness check, the
-- approvals and waivers of gate 2, and whether a rollback was requested. The full detail is in the events.

create table mitigation (
    incident_id                 varchar(64)   primary key references incident (id),
    chosen                      varchar(32)   not null,
    previous_release            varchar(255),
    scope_description           varchar(2048) not null,
    plan_event_id               varchar(64)   not null,
    readiness_coverage          double precision,
    readiness_event_id          varchar(64),
    approved_by_commander       varchar(255),
    approved_by_release_manager varchar(255),
    waived_by_commander         varchar(255),
    waived_by_release_manager   varchar(255),
    evidence_event_ids          jsonb         not null,
    gate2_outcome               varchar(16),
    rollback_requested_by       varchar(255),
    rollback_requested_at       timestamptz
);
