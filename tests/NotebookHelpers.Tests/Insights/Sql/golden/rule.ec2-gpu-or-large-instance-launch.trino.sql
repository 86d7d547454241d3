SELECT (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "c0",
  eventid AS "c1",
  eventsource AS "c2",
  eventname AS "c3",
  errorcode AS "c4",
  useridentity.arn AS "c5",
  useridentity.accesskeyid AS "c6",
  sourceipaddress AS "c7",
  awsregion AS "c8",
  (CASE WHEN json_extract_scalar(requestparameters, '$.instanceType') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.instanceType')) END) AS "c9",
  (CASE WHEN json_extract_scalar(requestparameters, '$.instancesSet.items[0].maxCount') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.instancesSet.items[0].maxCount')) END) AS "c10",
  (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "__k0",
  eventid AS "__ord",
  concat("$path", '#', coalesce(eventid, '')) AS "__ptr"
FROM "security"."cloudtrail_logs"
WHERE ((coalesce(eventsource = 'ec2.amazonaws.com', false) AND coalesce(eventname = 'RunInstances', false)) AND ((coalesce(regexp_like(json_extract_scalar(requestparameters, '$.instanceType'), '^(p[0-9]|g[0-9]|inf|trn|dl|f[12]|vt1|x[0-9])'), false) OR coalesce(regexp_like(json_extract_scalar(requestparameters, '$.instanceType'), '(metal|[0-9]{2}xlarge)$'), false)) OR coalesce(regexp_like(json_extract_scalar(requestparameters, '$.instanceType.value'), '^(p[0-9]|g[0-9]|inf|trn|dl|f[12]|vt1)'), false)))
ORDER BY "__k0" ASC NULLS LAST, "__ord" ASC
LIMIT 10000;
