-- Profiles a table: per numeric column the moments (fe_moments), NULL and NaN counts, a distinct
-- estimate (fe_hll) and quantiles (fe_kll); per categorical column the distinct estimate and the
-- most frequent values (fe_top_k). One pass over the table per query; nothing is written.
--
-- Variables (all required):
--   table        the table (or view) to profile
--   where        a filter, e.g. split = 'train'; TRUE for every row
--   numeric      name/column pairs of the numeric columns: 'delay', delay, 'distance', distance
--   categorical  name/column pairs of the categorical columns: 'origin', origin, 'dest', destination
--
--   beeline -u "$JDBC_URL" -f hql/profile.hql --hivevar table=flights --hivevar where=TRUE \
--     --hivevar numeric="'delay', delay, 'distance', bts_miles" \
--     --hivevar categorical="'origin', origin, 'destination', destination"
SELECT fe_require('${hivevar:table}', "${hivevar:where}", "${hivevar:numeric}", "${hivevar:categorical}");

-- Numeric columns: one row each. Quantiles are at 1 %, 25 %, 50 %, 75 % and 99 %.
SELECT p.name                                                          AS column_name,
       p.m.n                                                           AS n,
       p.m.nulls                                                       AS nulls,
       p.m.nans                                                        AS nans,
       fe_hll_estimate(p.h)                                            AS distinct_estimate,
       round(p.m.mean, 4)                                              AS mean,
       round(p.m.stddev, 4)                                            AS stddev,
       round(p.m.skewness, 4)                                          AS skewness,
       round(p.m.min, 4)                                               AS min,
       fe_kll_quantiles(p.q, array(0.01D, 0.25D, 0.5D, 0.75D, 0.99D)) AS quantiles,
       round(p.m.max, 4)                                               AS max
FROM (
  SELECT c.name, fe_moments(c.value) AS m, fe_hll(c.value) AS h, fe_kll(c.value) AS q
  FROM ${hivevar:table} t
  LATERAL VIEW explode(map(${hivevar:numeric})) c AS name, value
  WHERE ${hivevar:where}
  GROUP BY c.name
) p
ORDER BY column_name;

-- Categorical columns: one row each, with the ten most frequent values and their counts.
SELECT c.name                               AS column_name,
       count(c.value)                       AS non_null,
       count(*) - count(c.value)            AS nulls,
       fe_hll_estimate(fe_hll(c.value))     AS distinct_estimate,
       fe_top_k(c.value, 10)                AS top_values
FROM ${hivevar:table} t
LATERAL VIEW explode(map(${hivevar:categorical})) c AS name, value
WHERE ${hivevar:where}
GROUP BY c.name
ORDER BY column_name;
