-- The ledger: every domain event, in the order evidence-service recorded it, each entry chained to the one
-- before by its hash, so altering, dropping or reordering an entry breaks every hash after it.

create table ledger_entry (
    seq                 bigint        primary key,
    event_id            varchar(64)   not null unique,
    topic               varchar(255)  not null,
    kafka_partition     integer       not null,
    kafka_offset        bigint        not null,
    subject             varchar(255)  not null,
    event_type          varchar(255)  not null,
    source              varchar(255)  not null,
    event_time          timestamptz   not null,
    canonical           bytea         not null,
    event_sha256        char(64)      not null,
    previous_hash       char(64)      not null,
    entry_hash          char(64)      not null,
    recorded_at         timestamptz   not null
);

create index ledger_entry_subject on ledger_entry (subject, seq);

-- One row: the newest entry. Appends lock it, so entries are chained one at a time even with several instances.
create table ledger_head (
    id                  integer       primary key check (id = 1),
    seq                 bigint        not null,
    entry_hash          char(64)      not null
);

insert into ledger_head (id, seq, entry_hash) values (1, 0, repeat('0', 64));
