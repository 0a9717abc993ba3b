using System.Text.Json.Nodes;

namespace Minerva.Tiling.Zarr.Codecs;

/// <summary>
/// A Zarr v2 chunk compressor: encodes one whole chunk and decodes it back.
/// Instances are stateless apart from their settings and safe to share between threads.
/// </summary>
public interface IChunkCodec
{
    /// <summary>The <c>compressor</c> entry of <c>.zarray</c>; null for uncompressed chunks.</summary>
    JsonObject? ZarrConfig { get; }

    /// <summary>An upper bound of <see cref="Encode"/>'s output for <paramref name="length"/> input bytes.</summary>
    int MaxEncodedLength(int length);

    /// <summary>Encodes <paramref name="source"/> into <paramref name="destination"/> (at least <see cref="MaxEncodedLength"/> long); returns the bytes written.</summary>
    int Encode(ReadOnlySpan<byte> source, Span<byte> destination);

    /// <summary>
    /// Decodes a chunk into <paramref name="destination"/>, which must be exactly the chunk's decoded size.
    /// Throws <see cref="InvalidDataException"/> when the bytes are not a valid chunk of that size.
    /// </summary>
    void Decode(ReadOnlySpan<byte> encoded, Span<byte> destination);
}
