namespace NotebookHelpers.Display;

/// <summary>
/// Names the formatter source that displays a type in a notebook. .NET Interactive recognises an attribute by this
/// exact class name and reads <see cref="FormatterSourceType"/> and <see cref="PreferredMimeTypes"/> by name, so the
/// library displays richly in the stock kernel and in <c>nbh run</c> without referencing .NET Interactive.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = true)]
public sealed class TypeFormatterSourceAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="formatterSourceType">A type with a public parameterless constructor and a public <c>CreateTypeFormatters()</c> method.</param>
    public TypeFormatterSourceAttribute(Type formatterSourceType)
    {
        FormatterSourceType = formatterSourceType;
    }

    /// <summary>The formatter source.</summary>
    public Type FormatterSourceType { get; }

    /// <summary>The MIME types a displayed value is formatted as, most preferred first.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
