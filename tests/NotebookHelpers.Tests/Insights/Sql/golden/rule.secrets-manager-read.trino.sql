SELECT (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "c0",
  eventid AS "c1",
  eventsource AS "c2",
  eventname AS "c3",
  errorcode AS "c4",
  useridentity.arn AS "c5",
  useridentity.accesskeyid AS "c6",
  sourceipaddress AS "c7",
  awsregion AS "c8",
  (CASE WHEN json_extract_scalar(requestparameters, '$.secretId') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.secretId')) END) AS "c9",
  (CASE WHEN json_extract_scalar(requestparameters, '$.secretIdList[0]') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.secretIdList[0]')) END) AS "c10",
  (CASE WHEN json_extract_scalar(requestparameters, '$.filters[0].key') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.filters[0].key')) END) AS "c11",
  (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "__k0",
  eventid AS "__ord",
  concat("$path", '#', coalesce(eventid, '')) AS "__ptr"
FROM "security"."cloudtrail_logs"
WHERE ((coalesce(eventsource = 'secretsmanager.amazonaws.com', false) AND coalesce(eventname IN ('GetSecretValue', 'BatchGetSecretValue'), false)) AND (NOT (useridentity.invokedby IS NOT NULL)))
ORDER BY "__k0" ASC NULLS LAST, "__ord" ASC
LIMIT 10000;
