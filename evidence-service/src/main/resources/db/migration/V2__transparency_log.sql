-- The ledger as an RFC 6962 transparency log (issue 8). Leaf i of the Merkle tree is the entry at seq i + 1; its
-- leaf hash is SHA-256 of 0x00 and the entry's canonical bytes.
alter table ledger_entry add column leaf_hash char(64);
update ledger_entry set leaf_hash = encode(sha256('\x00'::bytea || canonical), 'hex');
alter table ledger_entry alter column leaf_hash set not null;

-- Every perfect subtree of the tree, written once when its last leaf is appended: level 0 holds the leaf hashes, the
-- subtree (level, idx) covers leaves idx * 2^level .. (idx + 1) * 2^level - 1. Roots and proofs of any size are
-- combined from these (io.gatehouse.evidence.log.MerkleTree). Entries recorded before this migration get theirs
-- when evidence-service starts.
create table merkle_subtree (
    level               integer       not null,
    idx                 bigint        not null,
    hash                bytea         not null,
    primary key (level, idx)
);

-- Every signed checkpoint: a C2SP tlog-checkpoint as a signed note. A new one is signed only for a tree consistent
-- with the latest.
create table ledger_checkpoint (
    tree_size           bigint        primary key,
    root_hash           char(64)      not null,
    note                text          not null,
    signed_at           timestamptz   not null
);

-- Sealed evidence: one row per seal of a subject, the bundle's bytes in the content-addressed store below.
create table sealed_bundle (
    subject             varchar(255)  not null,
    seal                integer       not null,
    protocol            integer       not null,
    trigger_event_id    varchar(64)   not null unique,
    trigger_leaf_index  bigint        not null,
    tree_size           bigint        not null,
    bundle_name         varchar(255)  not null,
    bundle_sha256       char(64)      not null,
    size_bytes          bigint        not null,
    sealed_at           timestamptz   not null,
    primary key (subject, seal)
);

-- Content-addressed bytes: a bundle is stored under its SHA-256, once however many seals share it.
create table evidence_blob (
    sha256              char(64)      primary key,
    bytes               bytea         not null
);

-- The shared outbox (io.gatehouse.messaging.outbox): the ledger's order, checkpoints and seals are published
-- through it, in the transaction that records them.
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
create table outbox_relay_lease (
    name                varchar(64)   primary key,
    holder              varchar(255)  not null,
    expires_at          timestamptz   not null
);
insert into outbox_relay_lease (name, holder, expires_at) values ('outbox', '', 'epoch');
