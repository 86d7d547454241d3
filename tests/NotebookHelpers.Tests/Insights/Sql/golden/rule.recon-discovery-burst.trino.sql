SELECT "g0" AS "c0",
  "g1" AS "c1",
  "a0" AS "c2",
  "a1" AS "c3",
  "g0" AS "__g0",
  "g1" AS "__g1"
FROM (
  SELECT useridentity.accesskeyid AS "g0",
    (floor((to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) / 600000E0) * 600000E0) AS "g1",
    count(DISTINCT eventname) AS "a0",
    count(*) AS "a1"
  FROM "security"."cloudtrail_logs"
  WHERE ((coalesce(regexp_like(eventname, '^(List|Describe|Get)'), false) AND (NOT coalesce(regexp_like(sourceipaddress, 'amazonaws\.com|AWS Internal'), false))) AND (NOT coalesce(regexp_like(useragent, '^(aws-internal|Mozilla)'), false)))
  GROUP BY 1, 2
) AS s
WHERE coalesce("a0" >= 8E0, false);
