SELECT (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "c0",
  eventname AS "c1",
  (CASE WHEN json_extract_scalar(requestparameters, '$.userName') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.userName')) END) AS "c2",
  (CASE WHEN json_extract_scalar(requestparameters, '$.roleName') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.roleName')) END) AS "c3",
  (CASE WHEN json_extract_scalar(responseelements, '$.user.arn') IS NOT NULL THEN json_format(json_extract(responseelements, '$.user.arn')) END) AS "c4",
  (CASE WHEN json_extract_scalar(responseelements, '$.role.arn') IS NOT NULL THEN json_format(json_extract(responseelements, '$.role.arn')) END) AS "c5",
  useridentity.arn AS "c6",
  sourceipaddress AS "c7",
  errorcode AS "c8",
  (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "__k0",
  eventid AS "__ord",
  concat("$path", '#', coalesce(eventid, '')) AS "__ptr"
FROM "security"."cloudtrail_logs"
WHERE (coalesce(eventsource = 'iam.amazonaws.com', false) AND coalesce(eventname IN ('CreateUser', 'CreateRole'), false))
ORDER BY "__k0" ASC NULLS LAST, "__ord" ASC
LIMIT 10000;
