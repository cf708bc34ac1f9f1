-- A waiting list needs a number waiting or an expected wait, or the editor's explicit "weet ik niet"
-- (issue 19): without one of them the heat map's medians mean nothing. Existing waiting lists without
-- either are marked unknown, as that is what they were; the history trigger is not fired for this.
alter table availability add column wait_unknown boolean not null default false;

alter table availability disable trigger availability_history_on_write;
update availability set wait_unknown = true
 where state = 'waiting' and waiting is null and expected_wait_days is null;
alter table availability enable trigger availability_history_on_write;
