SELECT (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "c0",
  eventid AS "c1",
  eventsource AS "c2",
  eventname AS "c3",
  errorcode AS "c4",
  useridentity.arn AS "c5",
  useridentity.accesskeyid AS "c6",
  sourceipaddress AS "c7",
  awsregion AS "c8",
  (CASE WHEN json_extract_scalar(requestparameters, '$.emailIdentity') IS NOT NULL THEN json_format(json_extract(requestparameters, '$.emailIdentity')) END) AS "c9",
  (to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) AS "__k0",
  eventid AS "__ord",
  concat("$path", '#', coalesce(eventid, '')) AS "__ptr"
FROM "security"."cloudtrail_logs"
WHERE ((coalesce(eventsource = 'ses.amazonaws.com', false) AND coalesce(eventname IN ('GetSendQuota', 'GetSendStatistics', 'ListIdentities', 'ListEmailIdentities', 'GetAccountSendingEnabled', 'GetAccount', 'UpdateAccountSendingEnabled', 'PutAccountSendingAttributes', 'CreateEmailIdentity', 'VerifyEmailIdentity', 'VerifyEmailAddress', 'VerifyDomainIdentity', 'PutAccountDetails'), false)) AND (NOT (((coalesce(eventtype = 'AwsServiceEvent', false) OR coalesce(useridentity.type = 'AWSService', false)) OR (useridentity.invokedby IS NOT NULL)) OR (coalesce((CASE WHEN coalesce(length(trim(sourceipaddress)), 0) = 0 THEN 1 ELSE 0 END) <> 0, false) OR (coalesce(regexp_like(sourceipaddress, '[A-Za-z]'), false) AND (NOT coalesce(regexp_like(sourceipaddress, ':'), false)))))))
ORDER BY "__k0" ASC NULLS LAST, "__ord" ASC
LIMIT 10000;
