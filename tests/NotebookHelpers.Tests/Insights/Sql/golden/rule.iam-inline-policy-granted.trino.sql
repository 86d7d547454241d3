SELECT (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "c0",
  eventid AS "c1",
  eventsource AS "c2",
  eventname AS "c3",
  errorcode AS "c4",
  useridentity.arn AS "c5",
  useridentity.accesskeyid AS "c6",
  sourceipaddress AS "c7",
  awsregion AS "c8",
  (CASE WHEN json_extract_scalar(requestparameters, '$.policyName') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.policyName')) END) AS "c9",
  (CASE WHEN json_extract_scalar(requestparameters, '$.policyDocument') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.policyDocument')) END) AS "c10",
  (CASE WHEN json_extract_scalar(requestparameters, '$.userName') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.userName')) END) AS "c11",
  (CASE WHEN json_extract_scalar(requestparameters, '$.roleName') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.roleName')) END) AS "c12",
  (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "__k0",
  eventid AS "__ord",
  concat("$path", '#', coalesce(eventid, '')) AS "__ptr"
FROM "security"."cloudtrail_logs"
WHERE ((coalesce(eventsource = 'iam.amazonaws.com', false) AND coalesce(eventname IN ('PutUserPolicy', 'PutRolePolicy', 'PutGroupPolicy'), false)) AND (NOT (errorcode IS NOT NULL)))
ORDER BY "__k0" ASC NULLS LAST, "__ord" ASC
LIMIT 10000;
