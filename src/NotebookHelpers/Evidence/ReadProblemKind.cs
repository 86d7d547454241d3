namespace NotebookHelpers.Evidence;

/// <summary>What went wrong (or what was noteworthy) while reading evidence.</summary>
public enum ReadProblemKind
{
    /// <summary>The file has no content.</summary>
    EmptyFile,

    /// <summary>The file could not be opened or read (permissions, I/O error).</summary>
    UnreadableFile,

    /// <summary>gzip or zip data is corrupt or truncated; records decoded before the damage are kept.</summary>
    CorruptCompression,

    /// <summary>The JSON is malformed at the reported position.</summary>
    InvalidJson,

    /// <summary>The file ends in the middle of a JSON value.</summary>
    TruncatedJson,

    /// <summary>Well-formed JSON that is not a CloudTrail record (no event time, wrong shape).</summary>
    NotCloudTrail,

    /// <summary>A record larger than the reader's hard limit (see <see cref="EvidenceReaderOptions.MaxRecordBytes"/>); skipped.</summary>
    RecordTooLarge,

    /// <summary>
    /// A record larger than 256 KB, CloudTrail's own event size limit (CloudWatch Logs drops such events). Kept:
    /// the record is readable, but it is unusual enough to point out.
    /// </summary>
    OversizedEvent,

    /// <summary>The file starts with a byte order mark; it was skipped (UTF-16 is transcoded). Kept.</summary>
    ByteOrderMark,

    /// <summary>A CSV row or export line that could not be read.</summary>
    InvalidLine,

    /// <summary>
    /// A record holds bytes that are not valid UTF-8 (a Latin-1 byte in a user agent); each invalid sequence reads as
    /// U+FFFD. Kept.
    /// </summary>
    InvalidUtf8,

    /// <summary>
    /// A FIFO, socket or device found while walking a folder: not opened (a FIFO would block the read forever, a
    /// device would never end).
    /// </summary>
    NotAFile,

    /// <summary>
    /// A folder reached again through a symlink (<c>again -> .</c>, or a second link to a folder already read), or a
    /// chain of links that loops: not walked again. Nothing is lost.
    /// </summary>
    FolderSeenBefore,

    /// <summary>
    /// A record whose event time no CloudTrail event can have (before CloudTrail existed, 0001-01-01, 9999-12-31, the
    /// Unix epoch, or days in the future): set aside, so it can neither stretch charts over centuries nor start a
    /// baseline in 1970.
    /// </summary>
    ImplausibleTime,

    /// <summary>
    /// A record in which one object repeats a key (two <c>eventName</c> members): every reader reads the first
    /// occurrence (docs/evidence-formats.md). Kept.
    /// </summary>
    DuplicateKey,
}
