using System.Text.Json.Nodes;

namespace Minerva.Tiling.Zarr.Codecs;

/// <summary>Uncompressed chunks (<c>"compressor": null</c>).</summary>
public sealed class RawCodec : IChunkCodec
{
    public JsonObject? ZarrConfig => null;

    public int MaxEncodedLength(int length) => length;

    public int Encode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }

    public void Decode(ReadOnlySpan<byte> encoded, Span<byte> destination)
    {
        if (encoded.Length != destination.Length)
        {
            throw new InvalidDataException($"Raw chunk holds {encoded.Length} bytes, expected {destination.Length}.");
        }

        encoded.CopyTo(destination);
    }
}
