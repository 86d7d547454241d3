SELECT "g0" AS "c0",
  "g1" AS "c1",
  "a0" AS "c2",
  "a1" AS "c3",
  "g0" AS "__g0",
  "g1" AS "__g1",
  "a0" AS "__k0"
FROM (
  SELECT recipientaccountid AS "g0",
    awsregion AS "g1",
    min((to_unixtime(from_iso8601_timestamp(eventtime)) * 1000)) AS "a0",
    count(*) AS "a1"
  FROM "security"."cloudtrail_logs"
  WHERE (NOT coalesce(regexp_like(sourceipaddress, 'amazonaws\.com|AWS Internal'), false))
  GROUP BY 1, 2
) AS s;
