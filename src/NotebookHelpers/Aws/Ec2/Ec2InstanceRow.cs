namespace NotebookHelpers.Aws.Ec2;

/// <summary>One EC2 instance found by the current-state sweep: what a miner would leave behind.</summary>
/// <param name="Region">The region.</param>
/// <param name="InstanceId">The instance id.</param>
/// <param name="State">running, stopped, terminated …</param>
/// <param name="InstanceType">e.g. <c>p3.16xlarge</c> (GPU types are a mining tell).</param>
/// <param name="LaunchTime">When it was launched.</param>
/// <param name="KeyName">The SSH key pair, or null.</param>
/// <param name="InstanceProfileArn">The instance profile (role) attached, or null.</param>
/// <param name="ImageId">The AMI.</param>
/// <param name="PublicIpAddress">The public IP, or null.</param>
public sealed record Ec2InstanceRow(
    string Region,
    string InstanceId,
    string State,
    string InstanceType,
    DateTimeOffset? LaunchTime,
    string? KeyName,
    string? InstanceProfileArn,
    string? ImageId,
    string? PublicIpAddress);
