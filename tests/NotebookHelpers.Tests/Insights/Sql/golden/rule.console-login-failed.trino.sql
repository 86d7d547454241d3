SELECT "g0" AS "c0",
  "g1" AS "c1",
  "a0" AS "c2",
  "a1" AS "c3",
  "g0" AS "__g0",
  "g1" AS "__g1",
  "a1" AS "__k0"
FROM (
  SELECT sourceipaddress AS "g0",
    (floor((to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) / 3600000E0) * 3600000E0) AS "g1",
    count(*) AS "a0",
    count(DISTINCT useridentity.username) AS "a1"
  FROM "security"."cloudtrail_logs"
  WHERE ((coalesce(eventname = 'ConsoleLogin', false) AND coalesce(json_extract_scalar(responseelements, '$.ConsoleLogin') = 'Failure', false)) AND coalesce(useridentity.type = 'IAMUser', false))
  GROUP BY 1, 2
) AS s;
