SELECT "g0" AS "c0",
  "g1" AS "c1",
  "a0" AS "c2",
  "a1" AS "c3",
  "g0" AS "__g0",
  "g1" AS "__g1",
  "a1" AS "__k0"
FROM (
  SELECT useridentity.accesskeyid AS "g0",
    sourceipaddress AS "g1",
    min_by(eventname, ROW((to_unixtime(from_iso8601_timestamp(eventtime)) * 1000), coalesce(eventid, ''))) FILTER (WHERE eventname IS NOT NULL AND (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) IS NOT NULL) AS "a0",
    min((to_unixtime(from_iso8601_timestamp(eventtime)) * 1000)) AS "a1"
  FROM "security"."cloudtrail_logs"
  WHERE coalesce(regexp_like(useridentity.accesskeyid, '^AKIA'), false)
  GROUP BY 1, 2
) AS s
WHERE coalesce("a0" = 'GetCallerIdentity', false);
