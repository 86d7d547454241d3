namespace NotebookHelpers.SampleIncident;

/// <summary>
/// One training story of the sample incident: the same organization, accounts and everyday background, with a
/// different abuse of the same leaked key (<c>AKIA3NWPX4QHZRT7K2MD</c>, user svc-reporting).
/// </summary>
/// <param name="Name">What <c>--scenario</c> and <c>Source=sample:NAME</c> call it.</param>
/// <param name="Title">The answer key's title.</param>
/// <param name="Story">One sentence: what the attacker does.</param>
/// <param name="AttackerAccessKeyId">The key the story is about: <c>nbh investigate</c> must rank it first.</param>
/// <param name="ExpectedRuleIds">Detection rules that must raise a finding for <paramref name="AttackerAccessKeyId"/>.</param>
public sealed record SampleScenario(string Name, string Title, string Story, string AttackerAccessKeyId, IReadOnlyList<string> ExpectedRuleIds);
