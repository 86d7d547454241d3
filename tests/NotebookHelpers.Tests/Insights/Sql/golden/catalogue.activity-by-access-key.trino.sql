SELECT (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "c0",
  awsregion AS "c1",
  eventsource AS "c2",
  eventname AS "c3",
  useridentity.arn AS "c4",
  sourceipaddress AS "c5",
  useragent AS "c6",
  errorcode AS "c7",
  (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "__k0",
  eventid AS "__ord",
  concat("$path", '#', coalesce(eventid, '')) AS "__ptr"
FROM "security"."cloudtrail_logs"
WHERE coalesce(useridentity.accesskeyid = 'AKIAIOSFODNN7EXAMPLE', false)
ORDER BY "__k0" ASC NULLS LAST, "__ord" ASC
LIMIT 10000;
