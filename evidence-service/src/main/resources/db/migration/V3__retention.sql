-- Retention of sealed evidence (issue 8): where each seal's bundle is kept now, and every action the retention job
-- took. A seal starts ACTIVE (its bundle in evidence_blob), moves to ARCHIVED (its bundle in the archive directory)
-- when its active period ends, and to DELETED when its archive period ends.
alter table sealed_bundle add column retention_status varchar(8) not null default 'ACTIVE'
    check (retention_status in ('ACTIVE', 'ARCHIVED', 'DELETED'));
-- When the status last changed; null while the seal is as it was sealed.
alter table sealed_bundle add column retention_changed_at timestamptz;

-- The job looks for seals whose period ended, per protocol; seals sharing a bundle are locked together by digest.
create index sealed_bundle_retention_due on sealed_bundle (retention_status, protocol, sealed_at);
create index sealed_bundle_by_sha256 on sealed_bundle (bundle_sha256);

-- Every action of the retention job: at most one of each kind per seal, so a second run, or a second instance,
-- cannot record it twice. The subject's cleanup-log.json lists these.
create table retention_action (
    id                  bigserial     primary key,
    subject             varchar(255)  not null,
    seal                integer       not null,
    action              varchar(8)    not null check (action in ('ARCHIVED', 'DELETED')),
    bundle_sha256       char(64)      not null,
    period_ended_at     timestamptz   not null,
    applied_at          timestamptz   not null,
    policy              text          not null,
    unique (subject, seal, action),
    foreign key (subject, seal) references sealed_bundle (subject, seal)
);
