SELECT "g0" AS "c0",
  "g1" AS "c1",
  "a0" AS "c2",
  "a1" AS "c3",
  "g0" AS "__g0",
  "g1" AS "__g1"
FROM (
  SELECT useridentity.accesskeyid AS "g0",
    (floor((to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) / 600000E0) * 600000E0) AS "g1",
    count(*) AS "a0",
    count(DISTINCT json_extract_scalar(requestparameters, '$.bucketName')) AS "a1"
  FROM "security"."cloudtrail_logs"
  WHERE (coalesce(eventsource = 's3.amazonaws.com', false) AND coalesce(eventname IN ('GetObject', 'CopyObject', 'SelectObjectContent'), false))
  GROUP BY 1, 2
) AS s
WHERE coalesce("a0" >= 50E0, false);
