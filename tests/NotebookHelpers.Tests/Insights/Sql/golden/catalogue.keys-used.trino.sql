SELECT "g0" AS "c0",
  "a0" AS "c1",
  "g0" AS "__g0"
FROM (
  SELECT useridentity.accesskeyid AS "g0",
    count(*) AS "a0"
  FROM "security"."cloudtrail_logs"
  WHERE (useridentity.accesskeyid IS NOT NULL)
  GROUP BY 1
) AS s;
