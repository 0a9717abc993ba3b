namespace Minerva.Tiling.Tiff.Compression;

/// <summary>The one check both JPEG decoders make before writing: the stream's image must fit the tile buffer.</summary>
internal static class JpegGeometry
{
    /// <exception cref="InvalidDataException">The image is empty, wider than a row or taller than the buffer.</exception>
    public static void Check(int width, int height, int components, int pitch, int destinationLength)
    {
        if (width <= 0 || height <= 0 || (long)width * components > pitch || ((long)(height - 1) * pitch) + ((long)width * components) > destinationLength)
        {
            throw new InvalidDataException($"the JPEG image of {width}×{height} pixels does not fit the tile of {pitch / components} pixels × {destinationLength / pitch} rows");
        }
    }
}
