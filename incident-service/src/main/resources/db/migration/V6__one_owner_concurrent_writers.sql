-- Concurrent writers: the incident and its mitigation carry a version, so a unit of work that did not take the
-- incident's row lock fails instead of writing over newer state; a notification carries one for its claim, delivery
-- and outcome, which run in separate transactions around the webhook call.
alter table incident add column version bigint not null default 0;
alter table mitigation add column version bigint not null default 0;
alter table notification add column version bigint not null default 0;

-- Notification reasons are an enum now: its constant names, not the words of the StakeholdersNotified event.
update notification set reason = upper(replace(reason, '-', '_'));

-- After the incident commander settled the severity, a new classification is a proposal awaiting consensus again.
alter table incident add column proposed_severity varchar(16);
alter table incident add column proposed_rule varchar(128);
alter table incident add column proposed_rationale varchar(2048);

-- The chosen option is executed as chosen (rollback, feature-flag disable, hotfix); gate 2 and 3 metrics need
-- the times of the plan, the approvals and the recovery, and the kinds of recovery checks.
alter table mitigation add column chosen_description varchar(2048);
alter table mitigation add column planned_at timestamptz;
alter table mitigation add column last_approval_at timestamptz;
alter table mitigation add column critical_checks integer;
alter table mitigation add column critical_checks_passed integer;
alter table mitigation add column recovered_at timestamptz;
alter table mitigation add column gate3_waiver_event_id varchar(64);

-- One outbox relay publishes at a time, across instances: it holds this lease while it sends, instead of holding
-- row locks across the network call to the broker.
create table outbox_relay_lease (
    name                varchar(64)   primary key,
    holder              varchar(255)  not null,
    expires_at          timestamptz   not null
);
insert into outbox_relay_lease (name, holder, expires_at) values ('outbox', '', 'epoch');

-- Reviewer sign-off after resolution, and responders' alert-tuning feedback for the monitoring owners.
create table resolution_review (
    id                  bigserial     primary key,
    incident_id         varchar(64)   not null references incident (id),
    reviewer            varchar(255)  not null,
    role                varchar(64)   not null,
    reviewed            varchar(32)   not null,
    verdict             varchar(16)   not null,
    rationale           varchar(4096) not null,
    reviewed_at         timestamptz   not null,
    event_id            varchar(64)   not null
);
create index resolution_review_incident on resolution_review (incident_id, id);

create table alert_feedback (
    id                  bigserial     primary key,
    incident_id         varchar(64)   not null references incident (id),
    alert_id            varchar(255),
    alert_name          varchar(255)  not null,
    verdict             varchar(16)   not null,
    suggestion          varchar(4096),
    recorded_by         varchar(255)  not null,
    recorded_at         timestamptz   not null,
    event_id            varchar(64)   not null
);
create index alert_feedback_incident on alert_feedback (incident_id, id);
