-- What incident-service knows of protocol 14's releases, from gatehouse.releases: each release's latest rollback
-- rehearsal (RollbackRehearsalAssessed), which gate 2's rollback readiness item reads and cites.
create table release_rollback_rehearsal (
    release_id          varchar(255)     primary key,
    service             varchar(255)     not null,
    succeeded           boolean          not null,
    duration_seconds    double precision not null,
    rto_seconds         double precision not null,
    assessed_at         timestamptz      not null,
    event_id            varchar(64)      not null,
    version             bigint           not null default 0
);
