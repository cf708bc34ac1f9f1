-- Actief wachtbeheer at scale: the waiting figures are computed by one refresh after changes (see
-- WaitingFigures) instead of on every request, which on a million modules takes tens of seconds.
-- Two levels, because percentiles do not add up: per zone x life domain x module type x age band, and per
-- zone x life domain over all types and ages (type and age_band '*', the heat map), where a module
-- counts once even when its ages span several bands. Waits: room now counts as 0 days, a waiting list
-- as its expected wait, closed or unknown as no figure. Stale: not confirmed for 30 days at refresh time.
create materialized view waiting_figures as
with bands(band, lo, hi, sort) as (values ('zwangerschap', -9, -1, 0), ('0-3', 0, 47, 1), ('4-11', 48, 143, 2),
                                          ('12-17', 144, 215, 3), ('18-25', 216, 311, 4)),
     facts as (select z.zone, d.domain, m.type, m.age_min_months, coalesce(m.age_max_months, 100000) as age_max_months,
                      a.state = 'free' as free,
                      case when a.state = 'free' then 0 when a.state = 'waiting' then a.expected_wait_days end as wait,
                      (a.confirmed_at is null or a.confirmed_at < now() - interval '30 days') as stale
               from module m
               cross join lateral unnest(m.zones) as z(zone)
               cross join lateral unnest(m.life_domains) as d(domain)
               left join availability a on a.module_id = m.id
               where m.status = 'active')
select f.zone, f.domain as life_domain, f.type, b.band as age_band, b.sort as band_sort,
       count(*)::int as modules, (count(*) filter (where f.free))::int as free_now,
       percentile_cont(0.5) within group (order by f.wait) as median_wait_days,
       percentile_cont(0.9) within group (order by f.wait) as p90_wait_days,
       (count(*) filter (where f.stale))::int as stale, now() as computed_at
from facts f join bands b on f.age_min_months <= b.hi and f.age_max_months >= b.lo
group by f.zone, f.domain, f.type, b.band, b.sort
union all
select f.zone, f.domain, '*', '*', -1,
       count(*)::int, (count(*) filter (where f.free))::int,
       percentile_cont(0.5) within group (order by f.wait), percentile_cont(0.9) within group (order by f.wait),
       (count(*) filter (where f.stale))::int, now()
from facts f
group by f.zone, f.domain;

-- REFRESH ... CONCURRENTLY (readers never wait) needs a unique index on plain columns.
create unique index waiting_figures_key on waiting_figures (zone, life_domain, type, age_band);
