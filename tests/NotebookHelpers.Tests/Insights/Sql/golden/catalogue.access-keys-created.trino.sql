SELECT (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "c0",
  useridentity.arn AS "c1",
  useridentity.accesskeyid AS "c2",
  (CASE WHEN json_extract_scalar(requestparameters, '$.userName') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.userName')) END) AS "c3",
  (CASE WHEN json_extract_scalar(responseelements, '$.accessKey.accessKeyId') IS NOT NULL THEN json_format(json_extract(responseelements, '$.accessKey.accessKeyId')) END) AS "c4",
  sourceipaddress AS "c5",
  useragent AS "c6",
  errorcode AS "c7",
  (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "__k0",
  eventid AS "__ord",
  concat("$path", '#', coalesce(eventid, '')) AS "__ptr"
FROM "security"."cloudtrail_logs"
WHERE (coalesce(eventsource = 'iam.amazonaws.com', false) AND coalesce(eventname = 'CreateAccessKey', false))
ORDER BY "__k0" ASC NULLS LAST, "__ord" ASC
LIMIT 10000;
