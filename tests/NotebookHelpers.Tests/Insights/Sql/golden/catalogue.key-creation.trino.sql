SELECT (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "c0",
  eventsource AS "c1",
  eventname AS "c2",
  useridentity.arn AS "c3",
  sourceipaddress AS "c4",
  (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "__k0",
  eventid AS "__ord",
  concat("$path", '#', coalesce(eventid, '')) AS "__ptr"
FROM "security"."cloudtrail_logs"
WHERE (coalesce(json_extract_scalar(responseelements, '$.accessKey.accessKeyId') = 'AKIAIOSFODNN7EXAMPLE', false) OR coalesce(json_extract_scalar(responseelements, '$.credentials.accessKeyId') = 'AKIAIOSFODNN7EXAMPLE', false))
ORDER BY "__k0" ASC NULLS LAST, "__ord" ASC
LIMIT 10000;
