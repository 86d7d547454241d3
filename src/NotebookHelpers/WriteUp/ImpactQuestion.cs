namespace NotebookHelpers.WriteUp;

/// <summary>
/// One question of the impact analysis an incident report must answer (the AWS incident-response playbooks
/// workshop's IAM credential exposure playbook, Part 3 "Analysis - Impact").
/// </summary>
/// <param name="Number">Its number in the questionnaire, from 1.</param>
/// <param name="Id">A stable kebab-case id, used to give an analyst's answer (e.g. <c>data-classification</c>).</param>
/// <param name="Text">The question.</param>
/// <param name="Guidance">What to look at and what the evidence can and cannot tell.</param>
public sealed record ImpactQuestion(int Number, string Id, string Text, string Guidance);
