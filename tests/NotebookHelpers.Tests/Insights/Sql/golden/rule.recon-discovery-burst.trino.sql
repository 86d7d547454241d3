SELECT "g0" AS "c0",
  "g1" AS "c1",
  "a0" AS "c2",
  "a1" AS "c3",
  "g0" AS "__g0",
  "g1" AS "__g1"
FROM (
  SELECT useridentity.accesskeyid AS "g0",
    (floor((to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) / 600000E0) * 600000E0) AS "g1",
    count(DISTINCT eventname) AS "a0",
    count(*) AS "a1"
  FROM "security"."cloudtrail_logs"
  WHERE (((coalesce(regexp_like(eventname, '^(List|Describe|Get)'), false) AND (NOT coalesce(eventname IN ('GetObject', 'GetSecretValue', 'BatchGetSecretValue', 'GetParameter', 'GetParameters', 'GetParametersByPath', 'GetPasswordData', 'GetLogEvents', 'GetQueryResults', 'GetRecords', 'GetItem', 'GetObjectAcl', 'GetObjectTagging'), false))) AND (NOT (((coalesce(eventtype = 'AwsServiceEvent', false) OR coalesce(useridentity.type = 'AWSService', false)) OR (useridentity.invokedby IS NOT NULL)) OR (coalesce((CASE WHEN coalesce(length(trim(sourceipaddress)), 0) = 0 THEN 1 ELSE 0 END) <> 0, false) OR (coalesce(regexp_like(sourceipaddress, '[A-Za-z]'), false) AND (NOT coalesce(regexp_like(sourceipaddress, ':'), false))))))) AND (NOT ((coalesce(sessioncredentialfromconsole = 'true', false) OR coalesce(regexp_like(useragent, '(?i)aws-internal/|^aws-internal|console\.amazonaws\.com|^console\.|console\.aws\.amazon\.com|^signin\.amazonaws\.com$'), false)) OR coalesce(regexp_like(useragent, 'ConsoleFrontend|S3Console|^Mozilla/'), false))))
  GROUP BY 1, 2
) AS s
WHERE coalesce("a0" >= 8E0, false);
