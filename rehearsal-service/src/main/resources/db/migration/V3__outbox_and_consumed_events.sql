-- The shared messaging tables (io.gatehouse.messaging.outbox), in this service's schema: every state change and the
-- events it publishes commit in one transaction (outbox_event), one relay publishes at a time (outbox_relay_lease), and
-- every consumed event counts once (consumed_event).

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

create table outbox_relay_lease (
    name                varchar(64)   primary key,
    holder              varchar(255)  not null,
    expires_at          timestamptz   not null
);
insert into outbox_relay_lease (name, holder, expires_at) values ('outbox', '', 'epoch');
