SELECT "g0" AS "c0",
  "g1" AS "c1",
  "g2" AS "c2",
  "a0" AS "c3",
  "a1" AS "c4",
  "a2" AS "c5",
  "g0" AS "__g0",
  "g1" AS "__g1",
  "g2" AS "__g2",
  "a0" AS "__k0"
FROM (
  SELECT eventsource AS "g0",
    eventname AS "g1",
    errorcode AS "g2",
    count(*) AS "a0",
    min((to_unixtime(from_iso8601_timestamp(eventtime)) * 1000)) AS "a1",
    max((to_unixtime(from_iso8601_timestamp(eventtime)) * 1000)) AS "a2"
  FROM "security"."cloudtrail_logs"
  WHERE coalesce(useridentity.accesskeyid = 'AKIAIOSFODNN7EXAMPLE', false)
  GROUP BY 1, 2, 3
) AS s;
