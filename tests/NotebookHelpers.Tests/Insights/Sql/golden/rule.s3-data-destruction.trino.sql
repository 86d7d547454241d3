SELECT (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "c0",
  eventid AS "c1",
  eventsource AS "c2",
  eventname AS "c3",
  errorcode AS "c4",
  useridentity.arn AS "c5",
  useridentity.accesskeyid AS "c6",
  sourceipaddress AS "c7",
  awsregion AS "c8",
  (CASE WHEN json_extract_scalar(requestparameters, '$.bucketName') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.bucketName')) END) AS "c9",
  (CASE WHEN json_extract_scalar(requestparameters, '$.key') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.key')) END) AS "c10",
  (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "__k0",
  eventid AS "__ord",
  concat("$path", '#', coalesce(eventid, '')) AS "__ptr"
FROM "security"."cloudtrail_logs"
WHERE (coalesce(eventsource = 's3.amazonaws.com', false) AND (coalesce(eventname IN ('PutBucketLifecycle', 'PutBucketLifecycleConfiguration', 'PutBucketVersioning', 'DeleteBucket', 'DeleteObjects', 'DeleteObject', 'PutBucketPolicy'), false) OR (coalesce(eventname = 'PutObject', false) AND coalesce(regexp_like(json_extract_scalar(requestparameters, '$.key'), '(?i)(ransom|decrypt|recover|restore|readme|how.to|your.files|warning)'), false))))
ORDER BY "__k0" ASC NULLS LAST, "__ord" ASC
LIMIT 10000;
