using System.Runtime.InteropServices;

namespace NotebookHelpers.Evidence;

/// <summary>
/// What kind of file a path names, following symlinks: a folder walk opens only regular files, because opening a
/// FIFO blocks until something writes to it (forever, in an evidence folder) and a device (a link to
/// <c>/dev/zero</c>) never ends. .NET does not expose the file type, so on Linux it is asked with <c>statx(2)</c>,
/// whose result layout is the same on every architecture; elsewhere every file counts as regular.
/// </summary>
internal static class FileKind
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 0x1C;
    private const int TypeMask = 0xF000;

    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>
    /// Null for a regular file (or when the kind cannot be told), else what it is: <c>a FIFO</c>, <c>a socket</c>,
    /// <c>a character device</c>, <c>a block device</c>.
    /// </summary>
    public static string? NotRegular(string path)
    {
        if (_unavailable)
        {
            return null;
        }

        var buffer = new byte[256];
        try
        {
            if (NativeMethods.statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return null;
        }

        return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) switch
        {
            0x1000 => "a FIFO",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => null,
        };
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
    }
}
