-- Notification delivery is shared by both protocols (io.gatehouse.messaging.notification): its row names a subject
-- (an incident here, a release in rehearsal-service), a kind (why it is sent, as the event recording its end says)
-- and labels (what the service needs of it later: here the severity a stakeholder notification announced; a JSON
-- object as text), so every service creates the same table.
alter table notification drop constraint notification_incident_id_fkey;
alter table notification rename column incident_id to subject;
alter table notification alter column subject type varchar(255);
alter index notification_incident rename to notification_subject;

alter table notification add column kind varchar(64);
update notification set kind = lower(replace(reason, '_', '-'));
alter table notification alter column kind set not null;
alter table notification drop column reason;

alter table notification add column labels varchar(2048);
update notification set labels = jsonb_build_object('severity', severity)::text;
alter table notification alter column labels set not null;
alter table notification drop column severity;
