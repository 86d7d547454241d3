SELECT "g0" AS "c0",
  "g1" AS "c1",
  "a0" AS "c2",
  "a1" AS "c3",
  "g0" AS "__g0",
  "g1" AS "__g1"
FROM (
  SELECT useridentity.accesskeyid AS "g0",
    (floor((to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) / 3600000E0) * 3600000E0) AS "g1",
    count(DISTINCT awsregion) AS "a0",
    count(*) AS "a1"
  FROM "security"."cloudtrail_logs"
  WHERE (coalesce(eventsource = 'ec2.amazonaws.com', false) AND coalesce(eventname = 'RunInstances', false))
  GROUP BY 1, 2
) AS s
WHERE coalesce("a0" >= 3E0, false);
