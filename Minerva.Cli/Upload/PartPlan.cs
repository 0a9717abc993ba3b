namespace Minerva.Cli.Upload;

/// <summary>How a file is cut into S3 multipart parts: equal parts of <see cref="PartSize"/>, the last one shorter.</summary>
internal sealed record PartPlan(long FileSize, long PartSize)
{
    public const long DefaultPartSize = 16L * 1024 * 1024;

    /// <summary>S3's limits: at most 10,000 parts, each (but the last) at least 5 MiB.</summary>
    public const int MaxParts = 10_000;
    public const long MinPartSize = 5L * 1024 * 1024;

    private const long MiB = 1024 * 1024;

    /// <summary>A file always has at least one part, even when empty: S3 completes a one-part upload of 0 bytes.</summary>
    public int Count => FileSize == 0 ? 1 : (int)((FileSize + PartSize - 1) / PartSize);

    /// <summary>
    /// The default part size, grown (in whole MiB) when the file would need more than 10,000 parts:
    /// a 200 GB image gets 21 MiB parts.
    /// </summary>
    public static PartPlan For(long fileSize, long preferredPartSize = DefaultPartSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fileSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(preferredPartSize, MinPartSize);
        var smallestAllowed = (fileSize + MaxParts - 1) / MaxParts;
        var partSize = Math.Max(preferredPartSize, (smallestAllowed + MiB - 1) / MiB * MiB);
        return new PartPlan(fileSize, partSize);
    }

    /// <summary>Byte offset and length of part <paramref name="number"/> (1-based, as S3 numbers parts).</summary>
    public (long Offset, long Length) Part(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, Count);
        var offset = (number - 1) * PartSize;
        return (offset, Math.Min(PartSize, FileSize - offset));
    }
}
