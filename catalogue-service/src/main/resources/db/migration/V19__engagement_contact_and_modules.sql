-- An engagement one can act on (issue 20): whom to contact, and which of the organisation's modules it concerns.
alter table engagement add column contact_name  text;
alter table engagement add column contact_phone text;
alter table engagement add column contact_email text;
alter table engagement add column module_ids    bigint[] not null default '{}';
