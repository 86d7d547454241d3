using NotebookHelpers.SampleIncident.Records;

namespace NotebookHelpers.SampleIncident.Attack;

/// <summary>
/// An act of the story that CloudTrail does not record: deleting, from the trail's bucket, the delivered log object
/// that holds <paramref name="Target"/>.
/// </summary>
/// <param name="Time">When the object is deleted.</param>
/// <param name="Target">A record the deleted object holds (the object is found by it once delivered).</param>
/// <param name="By">Whose credentials delete it.</param>
/// <param name="SourceIp">From where.</param>
/// <param name="Why">What the attacker meant to hide.</param>
/// <param name="How">Why the deletion is allowed and why no log shows it.</param>
internal sealed record LogObjectDeletion(DateTimeOffset Time, TrailEvent Target, IamUserIdentity By, string SourceIp, string Why, string How);
