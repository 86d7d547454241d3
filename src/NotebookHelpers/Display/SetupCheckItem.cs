namespace NotebookHelpers.Display;

/// <summary>One line of a <see cref="SetupCheck"/>.</summary>
/// <param name="Name">What was checked.</param>
/// <param name="Passed">Whether it is usable.</param>
/// <param name="Result">What was found, or what to do.</param>
public sealed record SetupCheckItem(string Name, bool Passed, string Result);
