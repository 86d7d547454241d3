SELECT (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "c0",
  eventid AS "c1",
  eventsource AS "c2",
  eventname AS "c3",
  errorcode AS "c4",
  useridentity.arn AS "c5",
  useridentity.accesskeyid AS "c6",
  sourceipaddress AS "c7",
  awsregion AS "c8",
  (CASE WHEN json_extract_scalar(requestparameters, '$.name') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.name')) END) AS "c9",
  (CASE WHEN json_extract_scalar(requestparameters, '$.names[0]') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.names[0]')) END) AS "c10",
  (CASE WHEN json_extract_scalar(requestparameters, '$.path') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.path')) END) AS "c11",
  (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "__k0",
  eventid AS "__ord",
  concat("$path", '#', coalesce(eventid, '')) AS "__ptr"
FROM "security"."cloudtrail_logs"
WHERE (((coalesce(eventsource = 'ssm.amazonaws.com', false) AND coalesce(eventname IN ('GetParameter', 'GetParameters', 'GetParametersByPath'), false)) AND (coalesce(json_extract_scalar(requestparameters, '$.withDecryption') = 'true', false) OR coalesce(lower(json_extract_scalar(requestparameters, '$.withDecryption')) = 'true', false))) AND (NOT (useridentity.invokedby IS NOT NULL)))
ORDER BY "__k0" ASC NULLS LAST, "__ord" ASC
LIMIT 10000;
