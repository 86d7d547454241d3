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
WHERE ((coalesce(regexp_like(errorcode, '(?i)Denied|Unauthorized|Forbidden|NotAuthorized'), false) AND (NOT (coalesce((CASE WHEN coalesce(length(trim(sourceipaddress)), 0) = 0 THEN 1 ELSE 0 END) <> 0, false) OR (coalesce(regexp_like(sourceipaddress, '[A-Za-z]'), false) AND (NOT coalesce(regexp_like(sourceipaddress, ':'), false)))))) AND (NOT coalesce(regexp_like(useragent, '(?i)^aws-internal'), false)))
ORDER BY "__k0" ASC NULLS LAST, "__ord" ASC
LIMIT 10000;
