namespace NotebookHelpers.Json;

/// <summary>The outcome of one scanner step.</summary>
public enum JsonScanStatus : byte
{
    /// <summary>The value was complete and well formed.</summary>
    Ok,

    /// <summary>
    /// The input ended inside the value. A streaming caller appends more input and scans again from the value's
    /// start; at the true end of input this is a truncation.
    /// </summary>
    Incomplete,

    /// <summary>The input is not JSON at <see cref="JsonScanError.Offset"/>.</summary>
    Invalid,
}
