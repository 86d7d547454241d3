SELECT (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "c0",
  eventid AS "c1",
  eventsource AS "c2",
  eventname AS "c3",
  errorcode AS "c4",
  useridentity.arn AS "c5",
  useridentity.accesskeyid AS "c6",
  sourceipaddress AS "c7",
  awsregion AS "c8",
  (CASE WHEN json_extract_scalar(requestparameters, '$.policyArn') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.policyArn')) END) AS "c9",
  (CASE WHEN json_extract_scalar(requestparameters, '$.userName') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.userName')) END) AS "c10",
  (CASE WHEN json_extract_scalar(requestparameters, '$.roleName') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.roleName')) END) AS "c11",
  (CASE WHEN json_extract_scalar(requestparameters, '$.groupName') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.groupName')) END) AS "c12",
  (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "__k0",
  eventid AS "__ord",
  concat("$path", '#', coalesce(eventid, '')) AS "__ptr"
FROM "security"."cloudtrail_logs"
WHERE (((coalesce(eventsource = 'iam.amazonaws.com', false) AND coalesce(eventname IN ('AttachUserPolicy', 'AttachRolePolicy', 'AttachGroupPolicy'), false)) AND coalesce(regexp_like(json_extract_scalar(requestparameters, '$.policyArn'), '/(AdministratorAccess|IAMFullAccess|PowerUserAccess)$'), false)) AND coalesce((CASE WHEN coalesce(length(errorcode), 0) = 0 THEN 1 ELSE 0 END) <> 0, false))
ORDER BY "__k0" ASC NULLS LAST, "__ord" ASC
LIMIT 10000;
