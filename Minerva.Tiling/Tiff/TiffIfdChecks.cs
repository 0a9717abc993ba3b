using Minerva.Tiling.Tiff.Compression;

namespace Minerva.Tiling.Tiff;

/// <summary>Whether the reader can decode an IFD, and whether its tiles or strips are all in the file.</summary>
internal static class TiffIfdChecks
{
    /// <summary>Why the reader cannot decode <paramref name="ifd"/>, or null when it can.</summary>
    public static string? UnsupportedFeature(TiffIfd ifd)
    {
        if (TiffDecompressor.For(ifd, out var codecProblem) is null)
        {
            return codecProblem;
        }

        if (ifd.PixelType is null)
        {
            return ifd.BitsPerSample == 0 || ifd.SampleFormat == 0
                ? "has samples of different types within one pixel, which Minerva cannot read"
                : $"has {ifd.BitsPerSample}-bit samples of SampleFormat {ifd.SampleFormat}, which Minerva cannot read (it reads 8/16/32-bit integers and 32/64-bit floats)";
        }

        if (ifd.Predictor is not (TiffPredictor.None or TiffPredictor.Horizontal or TiffPredictor.FloatingPoint)
            || (ifd.Predictor == TiffPredictor.FloatingPoint && ifd.BytesPerSample == 1))
        {
            return $"uses predictor {(int)ifd.Predictor} with {ifd.BitsPerSample}-bit samples, which Minerva cannot read";
        }

        if (ifd.Photometric == TiffPhotometric.YCbCr && !ifd.Compression.DecodesToRgb())
        {
            return $"stores YCbCr samples with compression {ifd.Compression.Describe()}, which Minerva cannot read (it reads YCbCr in JPEG and JPEG 2000 tiles)";
        }

        if (ifd.Depth != 1)
        {
            return $"is a volume of {ifd.Depth} tiles deep (ImageDepth), which Minerva cannot read";
        }

        if ((long)ifd.BlockWidth * ifd.SamplesPerBlock * ifd.BytesPerSample * ifd.BlockHeight > int.MaxValue / 2)
        {
            return $"has tiles or strips of {ifd.BlockWidth}×{ifd.BlockHeight} pixels, too large to decode at once";
        }

        return null;
    }

    /// <summary>Throws when a tile or strip is absent or lies beyond the end of the file.</summary>
    public static void CheckBlocks(TiffIfd ifd, string fileName, long fileLength)
    {
        var kind = ifd.Tiled ? "tile" : "strip";
        var expected = (long)ifd.BlocksAcross * ifd.BlocksDown * (ifd.PlanarSeparate ? ifd.SamplesPerPixel : 1);
        if (ifd.Offsets.Length < expected || ifd.ByteCounts.Length < expected)
        {
            throw new InvalidImageException(
                $"{fileName}: {ifd.Label} needs {expected} {kind}s but lists {Math.Min(ifd.Offsets.Length, ifd.ByteCounts.Length)} {kind} offsets and byte counts; the file is damaged.");
        }

        for (var i = 0; i < expected; i++)
        {
            var offset = ifd.Offsets[i];
            var count = ifd.ByteCounts[i];
            if (count <= 0 || count > int.MaxValue)
            {
                throw new InvalidImageException($"{fileName}: {kind} {i} of {ifd.Label} is missing (its byte count is {count}); the file is incomplete.");
            }

            if (offset < 0 || offset > fileLength - count)
            {
                throw new InvalidImageException(
                    $"{fileName}: {kind} {i} of {ifd.Label} ({count} bytes at offset {offset}) lies beyond the end of the file ({fileLength} bytes); the file is truncated.");
            }
        }
    }
}
