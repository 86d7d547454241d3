namespace NotebookHelpers.Aws.Ec2;

/// <summary>The instances of every swept region, and the regions that could not be read.</summary>
/// <param name="Instances">Every instance, newest launch first.</param>
/// <param name="RegionsSwept">Regions read completely.</param>
/// <param name="Failures">Regions that failed, with the one-line reason.</param>
public sealed record Ec2SweepResult(
    IReadOnlyList<Ec2InstanceRow> Instances,
    IReadOnlyList<string> RegionsSwept,
    IReadOnlyDictionary<string, string> Failures)
{
    /// <summary>True when every region was read.</summary>
    public bool IsComplete => Failures.Count == 0;
}
