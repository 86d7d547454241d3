SELECT (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "c0",
  eventid AS "c1",
  eventsource AS "c2",
  eventname AS "c3",
  errorcode AS "c4",
  useridentity.arn AS "c5",
  useridentity.accesskeyid AS "c6",
  sourceipaddress AS "c7",
  awsregion AS "c8",
  (CASE WHEN json_extract_scalar(requestparameters, '$.userName') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.userName')) END) AS "c9",
  (CASE WHEN json_extract_scalar(requestparameters, '$.groupName') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.groupName')) END) AS "c10",
  (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "__k0",
  eventid AS "__ord",
  concat("$path", '#', coalesce(eventid, '')) AS "__ptr"
FROM "security"."cloudtrail_logs"
WHERE ((coalesce(eventsource = 'iam.amazonaws.com', false) AND coalesce(eventname = 'AddUserToGroup', false)) AND coalesce((CASE WHEN coalesce(length(errorcode), 0) = 0 THEN 1 ELSE 0 END) <> 0, false))
ORDER BY "__k0" ASC NULLS LAST, "__ord" ASC
LIMIT 10000;
