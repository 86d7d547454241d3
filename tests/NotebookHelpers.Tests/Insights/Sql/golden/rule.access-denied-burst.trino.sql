SELECT "g0" AS "c0",
  "g1" AS "c1",
  "g2" AS "c2",
  "a0" AS "c3",
  "a1" AS "c4",
  "g0" AS "__g0",
  "g1" AS "__g1",
  "g2" AS "__g2"
FROM (
  SELECT useridentity.accesskeyid AS "g0",
    sourceipaddress AS "g1",
    (floor((to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) / 600000E0) * 600000E0) AS "g2",
    count(*) AS "a0",
    count(DISTINCT eventname) AS "a1"
  FROM "security"."cloudtrail_logs"
  WHERE (coalesce(regexp_like(errorcode, 'Unauthorized|Denied|Forbidden'), false) AND (NOT coalesce(regexp_like(sourceipaddress, 'amazonaws\.com|AWS Internal'), false)))
  GROUP BY 1, 2, 3
) AS s
WHERE coalesce("a0" >= 10E0, false);
