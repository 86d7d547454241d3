using System.Globalization;
using NotebookHelpers.Events;
using NotebookHelpers.Json;

namespace NotebookHelpers.Evidence;

/// <summary>
/// Decodes one JSON-based evidence stream: a sequence of top-level values (one document, JSON Lines, concatenated
/// pages) or CloudWatch Logs export lines (<c>&lt;timestamp&gt; &lt;json&gt;</c>). Each top-level value is classified
/// from its keys — <c>Records</c>, <c>Events</c> (LookupEvents), <c>events</c> (CloudWatch Logs), digest fields, or a
/// record itself — and walked once with the validating scanner. Input is read in chunks. Containers (a top-level
/// array, the <c>Records</c>/<c>Events</c>/<c>events</c> arrays and the objects holding them) stream: the walk
/// keeps its open containers on a small stack and resumes after a refill at the element the buffer cut, so a
/// delivery object of any size is read in bounded memory. Anything else — one record, one member — must fit in
/// <see cref="EvidenceReaderOptions.MaxRecordBytes"/>; a larger value is reported and skipped without being held.
/// Records point into the chunk arrays, which are never reused once a record points into them.
/// </summary>
/// <remarks>
/// One piece (past 500 lines) because the container walk, the record scan and the buffer management share the
/// buffer, its offsets and the pending records; splitting them would pass that state around on every element.
/// </remarks>
internal sealed class JsonEvidenceDecoder
{
    private const int MinChunkSize = 1 << 16;
    private const int MaxChunkSize = 1 << 20;
    private const int RecordsPerChunk = 2048;

    private readonly Stream _input;
    private readonly EvidenceLocation _file;
    private readonly EvidenceReaderOptions _options;
    private readonly Action<DecodedChunk> _sink;
    // Records of the top-level value being scanned go straight into the chunk; those past _committed are pending
    // until the value turns out complete (a value cut by the buffer's end is scanned again after a refill).
    private int _committed;
    private readonly List<ReadProblem> _pendingProblems = [];
    private DecodedChunk _chunk = new();

    private readonly DecodeBuffers _buffers;
    private byte[] _buf = [];
    // A record points into the current buffer: it must not be overwritten by the next refill.
    private bool _bufferHasRecords;

    // The containers of the top-level value being walked that are still open, outermost first (at most a top-level
    // array, a page object and its Records array); empty between top-level values. _valueStart is where the
    // top-level value began, for messages.
    private readonly List<Frame> _frames = [];
    private long _valueStart;

    // Chunks start small (most CloudTrail objects are a few KB) and double up to 1 MB for large streams.
    private int _chunkSize = MinChunkSize;
    private int _start;
    private int _end;
    private long _base;
    private bool _eof;

    // Line accounting: _line is the 1-based line at offset _lineAt of the current buffer.
    private long _line = 1;
    private int _lineAt;

    // A log group exported to S3 is laid out as <task-id>/<log-stream>/000000.gz: the folder names the stream.
    private string? _exportStream;
    private Exception? _streamError;
    private bool _streamErrorReported;
    private int _topLevelValues;
    private EvidenceFormat? _format;
    private int _problemsInFile;

    // In a directory walk, a file that is JSON but holds no CloudTrail at all (an evidence folder's manifest.jsonl,
    // a query.json, a package.json) is listed as ignored rather than counted as skipped records. Its "not CloudTrail"
    // problems are held back until the first record proves the file is evidence after all.
    private readonly bool _quietIfNotEvidence;
    private readonly List<ReadProblem> _held = [];
    private long _recordsCommitted;
    private bool _otherProblems;

    public JsonEvidenceDecoder(Stream input, EvidenceLocation file, EvidenceReaderOptions options, Action<DecodedChunk> sink, bool quietIfNotEvidence = false)
    {
        _quietIfNotEvidence = quietIfNotEvidence;
        var folder = Path.GetFileName(Path.GetDirectoryName(file.Entry ?? file.Path));
        _exportStream = folder is not null && folder.Contains("_CloudTrail_", StringComparison.Ordinal) ? folder : null;
        _input = input;
        _file = file;
        _options = options;
        _sink = sink;
        _buffers = new DecodeBuffers(options.RequiredKeys is not null ? options.BufferPool : null);
    }

    /// <summary>After <see cref="Run"/>: the buffers to give back once the file's chunks are consumed, if no record points into them.</summary>
    public List<byte[]>? ReturnableBuffers => _buffers.Returnable();

    /// <summary>The decompression error that ended the input early, if any.</summary>
    public Exception? StreamError => _streamError;

    /// <summary>Decompressed bytes consumed from the input.</summary>
    public long BytesRead => _base + _end;

    /// <summary>True after <see cref="Run"/> when the file held only JSON that is not CloudTrail (see the constructor).</summary>
    public bool IsNotEvidence => _quietIfNotEvidence && _recordsCommitted == 0 && !_otherProblems && _held.Count > 0 && _format is null;

    /// <summary>The detected format, after <see cref="Run"/>.</summary>
    public EvidenceFormat? Format => _format;

    /// <summary>Prefills the buffer with bytes already read while sniffing the stream.</summary>
    public void Prime(ReadOnlySpan<byte> head, long offset, long? sizeHint = null)
    {
        // A known size up to 16 MB is read in one piece; larger inputs stream in chunks.
        var size = sizeHint is { } hint && hint <= 16 << 20 ? (int)hint - (int)offset + 1 : _chunkSize;
        _buf = _buffers.Allocate(Math.Max(size, head.Length * 2));
        head.CopyTo(_buf);
        _end = head.Length;
        _base = offset;
    }

    public void Run()
    {
        var skipToNewline = false;
        while (true)
        {
            if (skipToNewline)
            {
                var nl = _buf.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
                if (nl < 0)
                {
                    _start = _end;
                    if (_eof || !Refill(_start))
                    {
                        break;
                    }

                    continue;
                }

                _start += nl + 1;
                skipToNewline = false;
            }

            var span = _buf.AsSpan(0, _end);
            int pos;
            ValueOutcome outcome;
            if (_frames.Count > 0)
            {
                pos = _start;
                outcome = Walk(span, pos);
            }
            else
            {
                pos = JsonScanner.SkipWhitespace(span, _start);
                if (pos >= _end)
                {
                    _start = _end;
                    if (_eof || !Refill(_start))
                    {
                        break;
                    }

                    continue;
                }

                var first = span[pos];
                if (first is (byte)'{' or (byte)'[')
                {
                    _valueStart = _base + pos;
                    outcome = ScanTopLevel(span, pos);
                }
                else if (first is >= (byte)'0' and <= (byte)'9' && _end - pos < 20 && !_eof)
                {
                    // A CloudWatch export line whose timestamp the chunk boundary cut: read on before deciding.
                    outcome = Incomplete();
                }
                else if (first is >= (byte)'0' and <= (byte)'9' && LooksLikeExportLine(span, pos))
                {
                    outcome = ScanExportLine(span, pos);
                }
                else
                {
                    DiscardPending();
                    Problem(pos, ReadProblemKind.InvalidJson, $"unexpected {Describe(first)}: not JSON (skipped to the next line)");
                    CommitPending();
                    _start = pos + 1;
                    skipToNewline = true;
                    continue;
                }
            }

            if (outcome.Status == JsonScanStatus.Incomplete && !_eof)
            {
                // Inside a container, everything before the cut is complete and stays: the walk resumes at the cut.
                // Otherwise the value is scanned again from its start once more of it is in the buffer.
                int resume;
                if (_frames.Count > 0)
                {
                    CommitPending();
                    resume = outcome.End;
                }
                else
                {
                    DiscardPending();
                    resume = pos;
                }

                if (_end - resume > _options.MaxRecordBytes)
                {
                    if (!SkipOversized(resume))
                    {
                        break;
                    }

                    continue;
                }

                Refill(resume);
                continue;
            }

            CommitPending();
            if (outcome.Status == JsonScanStatus.Ok)
            {
                _topLevelValues++;
                _start = outcome.End;
                continue;
            }

            _frames.Clear();
            _topLevelValues++;
            if (outcome.Status == JsonScanStatus.Incomplete && _streamError is not null)
            {
                _streamErrorReported = true;
                Problem(outcome.Error.Offset, ReadProblemKind.CorruptCompression,
                    $"the compressed data is damaged after {_base + _end:N0} decompressed bytes ({_streamError.Message.TrimEnd('.')}); records before it are kept");
                break;
            }

            if (outcome.Status == JsonScanStatus.Incomplete)
            {
                Problem(outcome.Error.Offset, ReadProblemKind.TruncatedJson,
                    $"the file ends inside a JSON value that started at byte {_valueStart} (truncated?); records before it are kept");
                break;
            }

            Problem(outcome.Error.Offset, ReadProblemKind.InvalidJson, $"invalid JSON: {outcome.Error.Reason} (skipped to the next line)");
            _start = Math.Min(Math.Max(outcome.Error.Offset, pos + 1), _end);
            skipToNewline = true;
        }

        if (_streamError is not null && !_streamErrorReported)
        {
            Problem(_end, ReadProblemKind.CorruptCompression,
                $"the compressed data is damaged after {_base + _end:N0} decompressed bytes ({_streamError.Message.TrimEnd('.')}); records before it are kept");
        }

        CommitPending();
        if (!IsNotEvidence)
        {
            ReleaseHeld();
        }

        if (_topLevelValues > 1 && _format is EvidenceFormat.SingleRecord)
        {
            _format = EvidenceFormat.JsonLines;
        }

        Flush();
    }

    // A value that is not a container and does not fit in the record size limit: reported, then skipped a buffer
    // at a time without being held, and the walk goes on after it. False when the file ends inside it.
    private bool SkipOversized(int pos)
    {
        var inKey = _frames.Count > 0 && _frames[^1].State == FrameState.AtKey;
        Problem(pos, ReadProblemKind.RecordTooLarge, inKey
            ? $"a member name longer than {_options.MaxRecordBytes:N0} bytes; the rest of the file is skipped"
            : $"a JSON value larger than the {_options.MaxRecordBytes:N0}-byte record limit is skipped");
        CommitPending();
        if (inKey)
        {
            _frames.Clear();
            return false;
        }

        var skipper = new OversizedValueSkipper();
        var at = pos;
        while (true)
        {
            var used = skipper.Advance(_buf.AsSpan(at, _end - at));
            if (used >= 0)
            {
                _start = at + used;
                break;
            }

            if (_eof || !Refill(_end) || _end == 0)
            {
                _frames.Clear();
                Problem(_end, _streamError is null ? ReadProblemKind.TruncatedJson : ReadProblemKind.CorruptCompression,
                    "the file ends inside the value that was too large");
                _streamErrorReported = true;
                return false;
            }

            at = 0;
        }

        if (_frames.Count > 0)
        {
            var top = _frames[^1];
            _frames[^1] = top with { State = FrameState.AfterValue };
        }
        else
        {
            _topLevelValues++;
        }

        return true;
    }

    private static string Describe(byte b) =>
        b is >= 0x20 and < 0x7F ? $"'{(char)b}'" : string.Create(CultureInfo.InvariantCulture, $"byte 0x{b:X2}");

    // Keeps the bytes from keepFrom on and reads more after them: at least a chunk more, and twice what is kept when
    // that is more, so a value that keeps growing is copied O(log n) times. The buffer is reused in place when no
    // record points into it (whitespace, skipped or rejected data); otherwise a new one is taken.
    private bool Refill(int keepFrom)
    {
        var keep = _end - keepFrom;
        _chunkSize = Math.Min(MaxChunkSize, _chunkSize * 2);
        var size = keep + Math.Max(keep, _chunkSize);
        AdvanceLines(keepFrom);
        _lineAt -= keepFrom;
        _base += keepFrom;
        if (!_bufferHasRecords && _buf.Length >= size)
        {
            _buf.AsSpan(keepFrom, keep).CopyTo(_buf);
        }
        else
        {
            var next = _buffers.Allocate(size);
            _buf.AsSpan(keepFrom, keep).CopyTo(next);
            _buf = next;
            _bufferHasRecords = false;
        }

        _start = 0;
        _end = keep;
        var read = 0;
        while (_end < _buf.Length)
        {
            var n = SafeRead();
            if (n == 0)
            {
                _eof = true;
                break;
            }

            _end += n;
            read += n;
        }

        return read > 0 || keep > 0;
    }

    /// <summary>Reads the first chunk when nothing was primed.</summary>
    public void Start()
    {
        if (_buf.Length == 0)
        {
            _buf = _buffers.Allocate(_chunkSize);
        }

        while (_end < _buf.Length && !_eof)
        {
            var n = SafeRead();
            if (n == 0)
            {
                _eof = true;
                break;
            }

            _end += n;
        }
    }

    // Corrupt or truncated compressed data ends the input: everything decoded before it is kept and reported.
    private int SafeRead()
    {
        if (_streamError is not null)
        {
            return 0;
        }

        try
        {
            return _input.Read(_buf, _end, _buf.Length - _end);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            _streamError = e;
            return 0;
        }
    }

    private long LineAt(int offset)
    {
        AdvanceLines(offset);
        return _line;
    }

    private void AdvanceLines(int offset)
    {
        if (offset > _lineAt)
        {
            _line += _buf.AsSpan(_lineAt, offset - _lineAt).Count((byte)'\n');
        }
        else if (offset < _lineAt)
        {
            _line -= _buf.AsSpan(offset, _lineAt - offset).Count((byte)'\n');
        }

        _lineAt = offset;
    }

    private EvidenceLocation At(int offset, bool withLine = true) =>
        withLine ? _file with { Line = LineAt(offset), ByteOffset = _base + offset } : _file with { ByteOffset = _base + offset };

    private void Problem(int offset, ReadProblemKind kind, string reason)
    {
        _problemsInFile++;
        _pendingProblems.Add(new ReadProblem(At(Math.Clamp(offset, 0, _end)), kind, reason));
    }

    private void DiscardPending()
    {
        var records = _chunk.Records;
        records.RemoveRange(_committed, records.Count - _committed);
        _pendingProblems.Clear();
    }

    private void CommitPending()
    {
        foreach (var problem in _pendingProblems)
        {
            if (_quietIfNotEvidence && _recordsCommitted == 0 && problem.Kind == ReadProblemKind.NotCloudTrail && _held.Count < 10_000)
            {
                _held.Add(problem);
            }
            else
            {
                _otherProblems |= problem.Kind != ReadProblemKind.NotCloudTrail;
                _chunk.Problems.Add(problem);
            }
        }

        _pendingProblems.Clear();
        var pending = _chunk.Records.Count - _committed;
        if (pending > 0 || _otherProblems)
        {
            ReleaseHeld();
        }

        _recordsCommitted += pending;
        _committed = _chunk.Records.Count;
        if (_committed >= RecordsPerChunk)
        {
            Flush();
        }
    }

    private void ReleaseHeld()
    {
        if (_held.Count > 0)
        {
            _chunk.Problems.InsertRange(0, _held);
            _held.Clear();
        }
    }

    private void Flush()
    {
        if (_chunk.Records.Count == 0 && _chunk.Problems.Count == 0)
        {
            return;
        }

        _sink(_chunk);
        _chunk = new DecodedChunk();
        _committed = 0;
    }

    private void SetFormat(EvidenceFormat format) => _format ??= format;

    private static bool LooksLikeExportLine(ReadOnlySpan<byte> span, int pos) =>
        span.Length - pos >= 20 && span[pos + 4] == '-' && span[pos + 7] == '-' && span[pos + 10] is (byte)'T' or (byte)' ';

    // <ISO timestamp> <json>\n, as CloudWatch Logs writes a log group exported to S3.
    private ValueOutcome ScanExportLine(ReadOnlySpan<byte> span, int pos)
    {
        var space = span[pos..].IndexOf((byte)' ');
        if (span[pos + 10] == ' ' && space == 10)
        {
            var second = span[(pos + 11)..].IndexOf((byte)' ');
            space = second < 0 ? -1 : 11 + second;
        }

        var newline = span[pos..].IndexOf((byte)'\n');
        if (space < 0 || (newline >= 0 && newline < space))
        {
            if (newline < 0 && !_eof)
            {
                return new ValueOutcome(JsonScanStatus.Incomplete, _end, default);
            }

            return new ValueOutcome(JsonScanStatus.Invalid, pos, new JsonScanError(pos, JsonScanErrorKind.UnexpectedByte));
        }

        if (!CloudTrailTimestamp.TryParse(span.Slice(pos, space), out var timestamp))
        {
            return new ValueOutcome(JsonScanStatus.Invalid, pos, new JsonScanError(pos, JsonScanErrorKind.UnexpectedByte));
        }

        var jsonStart = JsonScanner.SkipWhitespace(span, pos + space + 1);
        var context = new LogEventContext(LogStream: _exportStream, Timestamp: timestamp, AccountId: AccountFromStream(_exportStream));
        var scan = ScanObject(span, jsonStart, ContainerMode.None, out var record);
        if (scan.Status != JsonScanStatus.Ok)
        {
            return scan;
        }

        SetFormat(EvidenceFormat.CloudWatchLogsExport);
        EmitOrReport(span, jsonStart, scan.End, record, context, withLine: true);
        return scan;
    }

    private ValueOutcome ScanTopLevel(ReadOnlySpan<byte> span, int pos)
    {
        if (span[pos] == '[')
        {
            // A top-level array: of records (Stratus, TrailDiscover) or of saved pages.
            _frames.Add(new Frame(FrameKind.TopArray, FrameState.Start, null));
            return Walk(span, pos + 1);
        }

        var scan = ScanPageOrRecord(span, pos, topLevel: true);
        return scan.Status == JsonScanStatus.Ok && _frames.Count > 0 ? Walk(span, scan.End) : scan;
    }

    // An object at the top level or in a top-level array: a record, a digest, or a page holding a container (then
    // the page and its container are pushed on the walk's stack and End is just after the container's '[').
    private ValueOutcome ScanPageOrRecord(ReadOnlySpan<byte> span, int pos, bool topLevel)
    {
        var scan = ScanObject(span, pos, ContainerMode.TopLevel, out var info);
        if (scan.Status != JsonScanStatus.Ok)
        {
            return scan;
        }

        if (scan.Container is { } format)
        {
            SetFormat(format);
            _frames.Add(new Frame(FrameKind.Page, FrameState.AfterValue, null));
            _frames.Add(new Frame(FrameKind.Container, FrameState.Start, format));
            return scan with { End = scan.End + 1 };
        }

        if (!topLevel && info.Kind == ObjectKind.Record)
        {
            SetFormat(EvidenceFormat.JsonArray);
        }

        HandleScannedObject(span, pos, scan.End, info, withLine: topLevel, topLevel);
        return scan;
    }

    // Walks the open containers from pos until the top-level value closes (Ok), the buffer ends before the next
    // element or member is whole (Incomplete, End = where to resume; the stack says what comes there), or the JSON
    // is malformed (Invalid). An element or member that ends exactly at the buffer's end is not trusted before the
    // end of the input: a number could go on in the next chunk.
    private ValueOutcome Walk(ReadOnlySpan<byte> span, int pos)
    {
        while (_frames.Count > 0)
        {
            var top = _frames.Count - 1;
            var frame = _frames[top];
            var i = JsonScanner.SkipWhitespace(span, pos);
            if (i >= span.Length)
            {
                return Incomplete(i);
            }

            var closer = frame.Kind == FrameKind.Page ? (byte)'}' : (byte)']';
            switch (frame.State)
            {
                case FrameState.Start or FrameState.AfterValue:
                    if (span[i] == closer)
                    {
                        if (frame.Kind == FrameKind.TopArray && frame.State == FrameState.Start)
                        {
                            SetFormat(EvidenceFormat.JsonArray);
                        }

                        _frames.RemoveAt(top);
                        pos = i + 1;
                        continue;
                    }

                    if (frame.State == FrameState.AfterValue)
                    {
                        if (span[i] != ',')
                        {
                            return new ValueOutcome(JsonScanStatus.Invalid, i, new JsonScanError(i, JsonScanErrorKind.ExpectedCommaOrEnd));
                        }

                        i++;
                    }

                    _frames[top] = frame with { State = frame.Kind == FrameKind.Page ? FrameState.AtKey : FrameState.AtElement };
                    pos = i;
                    continue;

                case FrameState.AtKey:
                {
                    var member = ScanMemberStart(span, i, out var valueStart, out var container);
                    if (member.Status != JsonScanStatus.Ok)
                    {
                        return member.Status == JsonScanStatus.Incomplete ? Incomplete(i) : member;
                    }

                    if (container is { } format)
                    {
                        SetFormat(format);
                        _frames[top] = frame with { State = FrameState.AfterValue };
                        _frames.Add(new Frame(FrameKind.Container, FrameState.Start, format));
                        pos = valueStart + 1;
                    }
                    else
                    {
                        _frames[top] = frame with { State = FrameState.AtValue };
                        pos = valueStart;
                    }

                    continue;
                }

                case FrameState.AtValue:
                {
                    var status = JsonScanner.SkipValue(span, i, out _, out var end, out _, out var error);
                    if (status == JsonScanStatus.Incomplete || (status == JsonScanStatus.Ok && end >= span.Length && !_eof))
                    {
                        return Incomplete(i);
                    }

                    if (status != JsonScanStatus.Ok)
                    {
                        return new ValueOutcome(status, end, error);
                    }

                    _frames[top] = frame with { State = FrameState.AfterValue };
                    pos = end;
                    continue;
                }

                default:
                {
                    // At an element of a top-level array or of a container.
                    _frames[top] = frame with { State = FrameState.AfterValue };
                    ValueOutcome element;
                    if (span[i] == '{')
                    {
                        element = frame.Kind == FrameKind.TopArray ? ScanPageOrRecord(span, i, topLevel: false) : ScanElement(span, i, frame.Format!.Value);
                    }
                    else
                    {
                        var status = JsonScanner.SkipValue(span, i, out _, out var end, out _, out var error);
                        if (status == JsonScanStatus.Ok && end >= span.Length && !_eof)
                        {
                            status = JsonScanStatus.Incomplete;
                        }
                        else if (status == JsonScanStatus.Ok)
                        {
                            Problem(i, ReadProblemKind.NotCloudTrail,
                                frame.Format is { } format ? $"a {format} element that is not an object" : "an array element that is not an object");
                        }

                        element = new ValueOutcome(status, end, error);
                    }

                    if (element.Status == JsonScanStatus.Incomplete)
                    {
                        _frames[top] = frame;
                        return Incomplete(i);
                    }

                    if (element.Status != JsonScanStatus.Ok)
                    {
                        if (SkipDamagedElement(span, i, element.Error) is not { } after)
                        {
                            return element;
                        }

                        pos = after;
                        continue;
                    }

                    pos = element.End;
                    continue;
                }
            }
        }

        return new ValueOutcome(JsonScanStatus.Ok, pos, default);
    }

    // A malformed element loses only itself when its strings and brackets still pair up within the buffer: the walk
    // goes on after it (and if what follows is not ',' or the closing bracket, that is reported in turn). Otherwise
    // (null) the caller gives up on the value and skips to the next line.
    private int? SkipDamagedElement(ReadOnlySpan<byte> span, int start, JsonScanError error)
    {
        var skipper = new OversizedValueSkipper();
        var used = skipper.Advance(span[start..]);
        if (used < 0 || start + used <= error.Offset)
        {
            return null;
        }

        Problem(error.Offset, ReadProblemKind.InvalidJson, $"invalid JSON: {error.Reason} (the element it is in is skipped)");
        return start + used;
    }

    // One element of a container: a record, or an envelope holding one (LookupEvents, CloudWatch Logs).
    private ValueOutcome ScanElement(ReadOnlySpan<byte> span, int pos, EvidenceFormat format)
    {
        if (format != EvidenceFormat.CloudTrailRecords)
        {
            return ScanEnvelope(span, pos, format);
        }

        var element = ScanObject(span, pos, ContainerMode.None, out var info);
        if (element.Status == JsonScanStatus.Ok)
        {
            EmitOrReport(span, pos, element.End, info, context: null, withLine: false);
        }

        return element;
    }

    // A page member's name and colon, up to its value: whether the value is a container array to walk.
    private static ValueOutcome ScanMemberStart(ReadOnlySpan<byte> span, int pos, out int valueStart, out EvidenceFormat? container)
    {
        valueStart = pos;
        container = null;
        if (span[pos] != '"')
        {
            return new ValueOutcome(JsonScanStatus.Invalid, pos, new JsonScanError(pos, JsonScanErrorKind.ExpectedKey));
        }

        var keyEnd = JsonScanner.SkipPlainString(span, pos);
        var escaped = false;
        if (keyEnd < 0)
        {
            var status = JsonScanner.ScanString(span, pos, out keyEnd, out var failAt, out var failKind, out escaped);
            if (status != JsonScanStatus.Ok)
            {
                return new ValueOutcome(status, failAt, new JsonScanError(failAt, failKind));
            }
        }

        var colon = JsonScanner.SkipWhitespace(span, keyEnd);
        if (colon >= span.Length)
        {
            return new ValueOutcome(JsonScanStatus.Incomplete, colon, default);
        }

        if (span[colon] != ':')
        {
            return new ValueOutcome(JsonScanStatus.Invalid, colon, new JsonScanError(colon, JsonScanErrorKind.ExpectedColon));
        }

        valueStart = JsonScanner.SkipWhitespace(span, colon + 1);
        if (valueStart >= span.Length)
        {
            return new ValueOutcome(JsonScanStatus.Incomplete, valueStart, default);
        }

        if (span[valueStart] == '[' && !escaped)
        {
            container = ContainerFormatOf(span[(pos + 1)..(keyEnd - 1)]);
        }

        return new ValueOutcome(JsonScanStatus.Ok, valueStart, default);
    }

    private static EvidenceFormat? ContainerFormatOf(ReadOnlySpan<byte> key) =>
        key.SequenceEqual("Records"u8) ? EvidenceFormat.CloudTrailRecords :
        key.SequenceEqual("Events"u8) ? EvidenceFormat.LookupEventsPages :
        key.SequenceEqual("events"u8) ? EvidenceFormat.CloudWatchLogsEvents : null;

    private static ValueOutcome Incomplete(int at) => new(JsonScanStatus.Incomplete, at, new JsonScanError(at, JsonScanErrorKind.UnexpectedEnd));

    private ValueOutcome Incomplete() => Incomplete(_end);

    private void HandleScannedObject(ReadOnlySpan<byte> span, int start, int end, in ObjectInfo info, bool withLine, bool topLevel)
    {
        switch (info.Kind)
        {
            case ObjectKind.Record:
                if (topLevel)
                {
                    SetFormat(EvidenceFormat.SingleRecord);
                }

                EmitOrReport(span, start, end, info, context: null, withLine);
                break;
            case ObjectKind.Digest:
                SetFormat(EvidenceFormat.Digest);
                break;
            case ObjectKind.Container:
                break;
            default:
                Problem(start, ReadProblemKind.NotCloudTrail, info.Reason ?? "JSON that is not a CloudTrail record");
                break;
        }
    }

    private void EmitOrReport(ReadOnlySpan<byte> span, int start, int end, in ObjectInfo info, LogEventContext? context, bool withLine)
    {
        if (info.Kind != ObjectKind.Record)
        {
            Problem(start, ReadProblemKind.NotCloudTrail, info.Reason ?? "JSON that is not a CloudTrail record");
            return;
        }

        var length = end - start;
        if (length > _options.MaxRecordBytes)
        {
            Problem(start, ReadProblemKind.RecordTooLarge, $"a record of {length:N0} bytes exceeds the {_options.MaxRecordBytes:N0}-byte limit");
            return;
        }

        var location = At(start, withLine);
        if (length > EvidenceReaderOptions.CloudTrailMaxEventBytes)
        {
            _pendingProblems.Add(new ReadProblem(location, ReadProblemKind.OversizedEvent,
                $"a {length:N0}-byte event is larger than CloudTrail's 256 KB event limit (kept)"));
        }

        var slice = span[start..end];
        var json = _buf.AsMemory(start, length);
        LogRecord? record = null;
        if (!Lacks(info, slice, context))
        {
            // A query's read (pooled buffers) copies the records it keeps, so the buffer can still be reused: the kept
            // records of a selective query are a fraction of the bytes, and a big delivery object's buffer is not.
            record = _buffers.IsPooled ? new LogRecord(slice.ToArray(), location, context) : new LogRecord(json, location, context);
            if (!_buffers.IsPooled)
            {
                _buffers.Escaped();
            }
        }

        _bufferHasRecords = true;
        _chunk.Records.Add(new DecodedRecord(
            record,
            json,
            location,
            info.EventTime.UtcTicks,
            info.EventIdLength > 0,
            info.EventIdLength > 0 ? RecordFingerprint.OfId(span.Slice(info.EventIdStart, info.EventIdLength)) : default,
            RecordFingerprint.Of(slice, info.SawWhitespace),
            Json.JsonDuplicateKeys.FindInValidated(slice)));
    }

    // True when the query this read serves cannot match the record: it lacks a required field. Only decided when
    // the engine would count the record as scanned: its @timestamp (a CloudWatch export's own timestamp, else the
    // eventTime the reader filters on) is in the time range.
    private bool Lacks(in ObjectInfo info, ReadOnlySpan<byte> record, LogEventContext? context)
    {
        var required = _options.RequiredKeys;
        if (required is null || info.EscapedKey)
        {
            return false;
        }

        var range = _options.TimeRange;
        if (!range.IsUnbounded && context?.Timestamp is { } stamp && !range.Contains(stamp))
        {
            return false;
        }

        return !required.MayMatch(info.KeysFound, record);
    }

    // Records decoded from a JSON string (LookupEvents CloudTrailEvent, CloudWatch Logs message) own a new array.
    private void EmitEmbedded(byte[] json, int elementOffset, LogEventContext? context)
    {
        var scan = ScanObject(json, 0, ContainerMode.None, out var info);
        if (scan.Status != JsonScanStatus.Ok || JsonScanner.SkipWhitespace(json, scan.End) != json.Length)
        {
            var reason = scan.Status == JsonScanStatus.Ok ? "unexpected data after the record" : scan.Error.Reason;
            Problem(elementOffset, ReadProblemKind.InvalidJson, $"the embedded event JSON is invalid at its byte {scan.Error.Offset}: {reason}");
            return;
        }

        if (info.Kind != ObjectKind.Record)
        {
            Problem(elementOffset, ReadProblemKind.NotCloudTrail, info.Reason ?? "the embedded JSON is not a CloudTrail record");
            return;
        }

        if (json.Length > EvidenceReaderOptions.CloudTrailMaxEventBytes)
        {
            _pendingProblems.Add(new ReadProblem(At(elementOffset, withLine: false), ReadProblemKind.OversizedEvent,
                $"a {json.Length:N0}-byte event is larger than CloudTrail's 256 KB event limit (kept)"));
        }

        var location = At(elementOffset, withLine: false);
        _chunk.Records.Add(new DecodedRecord(
            Lacks(info, json, context) ? null : new LogRecord(json, location, context),
            json,
            location,
            info.EventTime.UtcTicks,
            info.EventIdLength > 0,
            info.EventIdLength > 0 ? RecordFingerprint.OfId(json.AsSpan(info.EventIdStart, info.EventIdLength)) : default,
            RecordFingerprint.Of(json, info.SawWhitespace),
            Json.JsonDuplicateKeys.FindInValidated(json)));
    }

    private enum ContainerMode
    {
        None,
        TopLevel,
    }

    private enum ObjectKind
    {
        Other,
        Record,
        Container,
        Digest,
    }

    // Container: the object holds a container array whose '[' is at End (ScanObject in TopLevel mode).
    private readonly record struct ValueOutcome(JsonScanStatus Status, int End, JsonScanError Error, EvidenceFormat? Container = null);

    private enum FrameKind
    {
        TopArray,
        Page,
        Container,
    }

    private enum FrameState
    {
        // Just inside '[' or '{'.
        Start,

        // After ',' in an array: an element comes.
        AtElement,

        // After '{' or ',' in a page object: a member name comes.
        AtKey,

        // After a page member's ':': its value comes (not a container; those get their own frame).
        AtValue,

        // After an element or member: ',' or the closing bracket comes.
        AfterValue,
    }

    private readonly record struct Frame(FrameKind Kind, FrameState State, EvidenceFormat? Format);

    private struct ObjectInfo
    {
        public ObjectKind Kind;
        public DateTimeOffset EventTime;
        public int EventIdStart;
        public int EventIdLength;
        public bool SawWhitespace;
        public string? Reason;

        // Which of the query's required top-level keys the object has (RequiredKeys), and whether a key was
        // escaped (then nothing can be concluded from the keys).
        public ulong KeysFound;
        public bool EscapedKey;
    }

    /// <summary>
    /// Walks one object's members once: finds eventID/eventTime for records, digest markers, and walks container
    /// arrays (<c>Records</c>, <c>Events</c>, <c>events</c>) element by element when allowed.
    /// </summary>
    private ValueOutcome ScanObject(ReadOnlySpan<byte> span, int pos, ContainerMode mode, out ObjectInfo info)
    {
        info = default;
        var members = new JsonObjectReader(span, pos);
        int timeStart = -1, timeLength = 0, stampStart = -1, stampLength = 0;
        var eventIdSeen = false;
        var recordKeys = 0;
        var digestKeys = 0;
        var required = _options.RequiredKeys;
        while (members.MoveNextKey())
        {
            if (mode == ContainerMode.TopLevel && members.ValueKind == JsonTokenKind.Array && !members.KeyHasEscapes &&
                ContainerFormatOf(members.RawKey) is { } format)
            {
                // The rest of the object is walked by the caller's stack (Walk), element by element.
                info.Kind = ObjectKind.Container;
                return new ValueOutcome(JsonScanStatus.Ok, members.ValueStart, default, format);
            }

            if (!members.SkipValue())
            {
                break;
            }

            var key = members.RawKey;
            if (members.KeyHasEscapes)
            {
                info.EscapedKey = true;
                continue;
            }

            if (required is not null)
            {
                info.KeysFound |= required.TopLevelBit(key);
            }

            if (key.Length == 0)
            {
                continue;
            }

            switch (key[0])
            {
                case (byte)'e':
                    // A repeated key reads as its first occurrence, as in every reader (docs/evidence-formats.md).
                    if (key.SequenceEqual("eventTime"u8) && members.ValueKind == JsonTokenKind.String && timeStart < 0)
                    {
                        timeStart = members.ValueStart + 1;
                        timeLength = members.ValueEnd - members.ValueStart - 2;
                        recordKeys++;
                    }
                    else if (key.SequenceEqual("eventID"u8) && members.ValueKind == JsonTokenKind.String && !eventIdSeen)
                    {
                        eventIdSeen = true;
                        info.EventIdStart = members.ValueStart + 1;
                        info.EventIdLength = members.ValueEnd - members.ValueStart - 2;
                    }
                    else if (key.SequenceEqual("eventVersion"u8) || key.SequenceEqual("eventName"u8) || key.SequenceEqual("eventSource"u8))
                    {
                        recordKeys++;
                    }

                    break;
                case (byte)'@':
                    if (key.SequenceEqual("@timestamp"u8) && members.ValueKind == JsonTokenKind.String && stampStart < 0)
                    {
                        stampStart = members.ValueStart + 1;
                        stampLength = members.ValueEnd - members.ValueStart - 2;
                    }

                    break;
                case (byte)'u':
                    if (key.SequenceEqual("userIdentity"u8))
                    {
                        recordKeys++;
                    }

                    break;
                case (byte)'d':
                    if (key.SequenceEqual("digestStartTime"u8) || key.SequenceEqual("digestEndTime"u8) || key.SequenceEqual("digestS3Bucket"u8))
                    {
                        digestKeys++;
                    }

                    break;
            }
        }

        if (members.Status != JsonScanStatus.Ok)
        {
            return new ValueOutcome(members.Status, members.Error.Offset, members.Error);
        }

        info.SawWhitespace = members.SawWhitespace;
        if (digestKeys >= 2 && recordKeys == 0)
        {
            info.Kind = ObjectKind.Digest;
        }
        else if (timeStart < 0 && stampStart < 0)
        {
            info.Reason = recordKeys > 0
                ? "not a CloudTrail record: no eventTime (or @timestamp)"
                : "JSON that is not CloudTrail: no eventTime, eventName or Records";
        }
        else
        {
            var (start, length) = timeStart >= 0 ? (timeStart, timeLength) : (stampStart, stampLength);
            if (CloudTrailTimestamp.TryParse(span.Slice(start, length), out var time))
            {
                info.Kind = ObjectKind.Record;
                info.EventTime = time;
            }
            else
            {
                info.Reason = $"not a CloudTrail record: event time '{JsonString.GetString(span.Slice(start, length))}' is not a date-time";
            }
        }

        return new ValueOutcome(JsonScanStatus.Ok, members.End, default);
    }

    // One element of a LookupEvents page (CloudTrailEvent) or of filter-log-events output (message + context).
    private ValueOutcome ScanEnvelope(ReadOnlySpan<byte> span, int pos, EvidenceFormat format)
    {
        var members = new JsonObjectReader(span, pos);
        var embeddedStart = -1;
        var embeddedEnd = -1;
        string? stream = null;
        DateTimeOffset? timestamp = null, ingestion = null;
        var embeddedKey = format == EvidenceFormat.LookupEventsPages ? "CloudTrailEvent"u8 : "message"u8;
        while (members.MoveNext())
        {
            if (members.KeyEquals(embeddedKey) && members.ValueKind == JsonTokenKind.String)
            {
                embeddedStart = members.ValueStart;
                embeddedEnd = members.ValueEnd;
            }
            else if (format == EvidenceFormat.CloudWatchLogsEvents)
            {
                if (members.KeyEquals("logStreamName"u8) && members.ValueKind == JsonTokenKind.String)
                {
                    stream = JsonString.GetString(members.Value);
                }
                else if (members.KeyEquals("timestamp"u8) && members.ValueKind == JsonTokenKind.Number)
                {
                    timestamp = EpochMilliseconds(members.Value);
                }
                else if (members.KeyEquals("ingestionTime"u8) && members.ValueKind == JsonTokenKind.Number)
                {
                    ingestion = EpochMilliseconds(members.Value);
                }
            }
        }

        if (members.Status != JsonScanStatus.Ok)
        {
            return new ValueOutcome(members.Status, members.Error.Offset, members.Error);
        }

        if (embeddedStart < 0)
        {
            Problem(pos, ReadProblemKind.NotCloudTrail,
                format == EvidenceFormat.LookupEventsPages ? "a LookupEvents entry without CloudTrailEvent" : "a CloudWatch Logs event without message");
            return new ValueOutcome(JsonScanStatus.Ok, members.End, default);
        }

        var body = JsonString.Body(span[embeddedStart..embeddedEnd]);
        var json = new byte[body.Length];
        var written = JsonString.Unescape(body, json);
        var owned = written == json.Length ? json : json[..written];
        var context = format == EvidenceFormat.CloudWatchLogsEvents
            ? new LogEventContext(LogStream: stream, Timestamp: timestamp, IngestionTime: ingestion, AccountId: AccountFromStream(stream))
            : null;
        EmitEmbedded(owned, pos, context);
        return new ValueOutcome(JsonScanStatus.Ok, members.End, default);
    }

    private static DateTimeOffset? EpochMilliseconds(ReadOnlySpan<byte> number) =>
        System.Buffers.Text.Utf8Parser.TryParse(number, out long ms, out var consumed) && consumed == number.Length &&
        ms is > -62135596800000 and < 253402300800000
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    // CloudTrail names its CloudWatch Logs streams <account>_CloudTrail_<region>[_n], and <org-id>_<account>_CloudTrail_<region>
    // for an organization trail: the account is the 12 digits just before "_CloudTrail_".
    internal static string? AccountFromStream(string? stream)
    {
        if (stream is null)
        {
            return null;
        }

        var marker = stream.IndexOf("_CloudTrail_", StringComparison.Ordinal);
        if (marker < 12 || (marker > 12 && stream[marker - 13] != '_'))
        {
            return null;
        }

        var account = stream.AsSpan(marker - 12, 12);
        return account.ContainsAnyExceptInRange('0', '9') ? null : account.ToString();
    }
}
