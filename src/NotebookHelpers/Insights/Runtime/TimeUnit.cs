namespace NotebookHelpers.Insights.Runtime;

/// <summary>The units of a time period such as <c>5m</c> in <c>bin(5m)</c>.</summary>
public enum TimeUnit
{
    /// <summary><c>ms</c>, <c>msec</c>, <c>millisecond</c>.</summary>
    Millisecond,

    /// <summary><c>s</c>, <c>sec</c>, <c>second</c>.</summary>
    Second,

    /// <summary><c>m</c>, <c>min</c>, <c>minute</c>.</summary>
    Minute,

    /// <summary><c>h</c>, <c>hr</c>, <c>hour</c>.</summary>
    Hour,

    /// <summary><c>d</c>, <c>day</c>.</summary>
    Day,

    /// <summary><c>w</c>, <c>week</c>.</summary>
    Week,

    /// <summary><c>mo</c>, <c>mon</c>, <c>month</c>.</summary>
    Month,

    /// <summary><c>q</c>, <c>qtr</c>, <c>quarter</c>.</summary>
    Quarter,

    /// <summary><c>y</c>, <c>yr</c>, <c>year</c>.</summary>
    Year,
}
