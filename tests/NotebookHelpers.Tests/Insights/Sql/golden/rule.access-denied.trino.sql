SELECT (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "c0",
  eventid AS "c1",
  eventsource AS "c2",
  eventname AS "c3",
  errorcode AS "c4",
  useridentity.arn AS "c5",
  useridentity.accesskeyid AS "c6",
  sourceipaddress AS "c7",
  awsregion AS "c8",
  errormessage AS "c9",
  useragent AS "c10",
  (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "__k0",
  eventid AS "__ord",
  concat("$path", '#', coalesce(eventid, '')) AS "__ptr"
FROM "security"."cloudtrail_logs"
WHERE ((coalesce(regexp_like(errorcode, 'Unauthorized|Denied|Forbidden'), false) AND (NOT coalesce(regexp_like(sourceipaddress, 'amazonaws\.com|AWS Internal'), false))) AND (NOT coalesce(regexp_like(useragent, '^aws-internal'), false)))
ORDER BY "__k0" ASC NULLS LAST, "__ord" ASC
LIMIT 10000;
