-- Signals by what was asked (issue 18): the access route asked for, and the everyday words of a search that no
-- module's text and no thesaurus entry understood (only lower-case words of the general Dutch word list, never a
-- name or a number; shown to coordinators only once several searches used them), so that a coordinator can add
-- them to the thesaurus.
alter table search_log add column access text[] not null default '{}',
                       add column unknown_words text[] not null default '{}';
