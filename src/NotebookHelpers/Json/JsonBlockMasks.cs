using System.Runtime.CompilerServices;

namespace NotebookHelpers.Json;

/// <summary>The byte classes of one 64-byte block of JSON as bitmasks: bit i describes byte i.</summary>
internal readonly struct JsonBlockMasks
{
    /// <summary>Every <c>"</c>, escaped or not.</summary>
    public readonly ulong Quote;

    /// <summary>Every <c>\</c>.</summary>
    public readonly ulong Backslash;

    /// <summary>Bytes below 0x20 (whitespace other than the space included).</summary>
    public readonly ulong Control;

    /// <summary>The four JSON whitespace bytes.</summary>
    public readonly ulong Whitespace;

    /// <summary>The structural operators <c>{ } [ ] : ,</c>.</summary>
    public readonly ulong Operator;

    /// <summary>Masks of a block from its five classes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public JsonBlockMasks(ulong quote, ulong backslash, ulong control, ulong whitespace, ulong op)
    {
        Quote = quote;
        Backslash = backslash;
        Control = control;
        Whitespace = whitespace;
        Operator = op;
    }

    /// <summary>Joins the masks of two 32-byte halves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public JsonBlockMasks(JsonBlockMasks lo, JsonBlockMasks hi)
        : this(
            lo.Quote | (hi.Quote << 32),
            lo.Backslash | (hi.Backslash << 32),
            lo.Control | (hi.Control << 32),
            lo.Whitespace | (hi.Whitespace << 32),
            lo.Operator | (hi.Operator << 32))
    {
    }

    /// <summary>Joins the masks of four 16-byte quarters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public JsonBlockMasks(JsonBlockMasks q0, JsonBlockMasks q1, JsonBlockMasks q2, JsonBlockMasks q3)
        : this(
            q0.Quote | (q1.Quote << 16) | (q2.Quote << 32) | (q3.Quote << 48),
            q0.Backslash | (q1.Backslash << 16) | (q2.Backslash << 32) | (q3.Backslash << 48),
            q0.Control | (q1.Control << 16) | (q2.Control << 32) | (q3.Control << 48),
            q0.Whitespace | (q1.Whitespace << 16) | (q2.Whitespace << 32) | (q3.Whitespace << 48),
            q0.Operator | (q1.Operator << 16) | (q2.Operator << 32) | (q3.Operator << 48))
    {
    }
}
