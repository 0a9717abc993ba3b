using System.Buffers.Binary;
using System.Text;
using Minerva.Tiling.IO;
using Minerva.Tiling.Tiff.Compression;

namespace Minerva.Tiling.Tiff;

/// <summary>
/// Parses the TIFF header, the IFD chain and SubIFDs (classic and BigTIFF, either byte order). Reads go
/// through 64 KiB cached blocks, since IFDs and their value arrays usually sit close together and the
/// source may be a remote object where every read is a request.
/// </summary>
internal sealed class TiffStructureReader
{
    private const int BlockSize = 64 * 1024;
    private const int MaxIfds = 1_000_000;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly int[] s_typeSizes = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8];

    private readonly IByteSource _source;
    private readonly Dictionary<long, byte[]> _blocks = [];
    private readonly CancellationToken _cancellationToken;
    private bool _bigEndian;
    private bool _bigTiff;

    private TiffStructureReader(IByteSource source, CancellationToken cancellationToken)
    {
        _source = source;
        _cancellationToken = cancellationToken;
    }

    private string Name => _source.Name;

    /// <exception cref="InvalidImageException">The bytes are not a TIFF or its structure is damaged.</exception>
    public static Task<TiffFile> ReadAsync(IByteSource source, CancellationToken cancellationToken) =>
        new TiffStructureReader(source, cancellationToken).ReadAsync();

    private async Task<TiffFile> ReadAsync()
    {
        var firstIfd = await ReadHeaderAsync().ConfigureAwait(false);
        var ifds = new List<TiffIfd>();
        var subIfds = new List<IReadOnlyList<TiffIfd>>();
        var seen = new HashSet<long>();
        for (var offset = firstIfd; offset != 0;)
        {
            if (!seen.Add(offset) || ifds.Count >= MaxIfds)
            {
                throw Invalid($"the IFD chain loops back to offset {offset}; the file is damaged.");
            }

            var label = $"IFD {ifds.Count}";
            var (ifd, next) = await ReadIfdAsync(offset, label).ConfigureAwait(false);
            ifds.Add(ifd);
            var children = new List<TiffIfd>();
            foreach (var childOffset in ifd.SubIfdOffsets)
            {
                var (child, _) = await ReadIfdAsync(childOffset, $"SubIFD {children.Count} of {label}").ConfigureAwait(false);
                children.Add(child);
            }

            subIfds.Add(children);
            offset = next;
        }

        return new TiffFile(_bigEndian, _bigTiff, ifds, subIfds);
    }

    private async Task<long> ReadHeaderAsync()
    {
        if (_source.Length == 0)
        {
            throw Invalid("the file is empty.");
        }

        if (_source.Length < 8)
        {
            throw Invalid($"the file is only {_source.Length} bytes long, too short to be a TIFF.");
        }

        var header = await ReadAsync(0, (int)Math.Min(16, _source.Length)).ConfigureAwait(false);
        var bytes = header.Span;
        _bigEndian = (bytes[0], bytes[1]) switch
        {
            ((byte)'I', (byte)'I') => false,
            ((byte)'M', (byte)'M') => true,
            _ => throw NotTiff(bytes),
        };

        var version = U16(bytes[2..]);
        if (version == 42)
        {
            return U32(bytes[4..]);
        }

        if (version != 43)
        {
            throw NotTiff(bytes);
        }

        if (bytes.Length < 16 || U16(bytes[4..]) != 8)
        {
            throw Invalid("the BigTIFF header is damaged (its offset size is not 8 or the file ends inside it).");
        }

        _bigTiff = true;
        return checked((long)U64(bytes[8..]));
    }

    private async Task<(TiffIfd Ifd, long Next)> ReadIfdAsync(long offset, string label)
    {
        var countSize = _bigTiff ? 8 : 2;
        var entrySize = _bigTiff ? 20 : 12;
        var offsetSize = _bigTiff ? 8 : 4;
        if (offset < 8 || offset > _source.Length - countSize)
        {
            throw Invalid($"{label} at offset {offset} lies beyond the end of the file ({_source.Length} bytes); the file is truncated or damaged.");
        }

        var countBytes = await ReadAsync(offset, countSize).ConfigureAwait(false);
        var count = _bigTiff ? (long)U64(countBytes.Span) : U16(countBytes.Span);
        var tableLength = (count * entrySize) + offsetSize;
        if (count == 0 || count > 10_000 || offset + countSize + tableLength > _source.Length)
        {
            throw Invalid($"{label} at offset {offset} claims {count} entries, which do not fit in the file ({_source.Length} bytes); the file is truncated or damaged.");
        }

        var table = await ReadAsync(offset + countSize, (int)tableLength).ConfigureAwait(false);
        var fields = new Dictionary<int, TiffField>();
        for (var i = 0; i < count; i++)
        {
            var entry = table.Slice(i * entrySize, entrySize);
            var span = entry.Span;
            var tag = U16(span);
            var type = U16(span[2..]);
            var valueCount = _bigTiff ? checked((long)U64(span[4..])) : U32(span[4..]);
            var valueField = entry[(_bigTiff ? 12 : 8)..];
            fields[tag] = new TiffField(type, valueCount, valueField);
        }

        var nextSpan = table.Span[(int)(count * entrySize)..];
        var next = _bigTiff ? checked((long)U64(nextSpan)) : U32(nextSpan);
        var ifd = await BuildIfdAsync(fields, label).ConfigureAwait(false);
        return (ifd, next);
    }

    private async Task<TiffIfd> BuildIfdAsync(Dictionary<int, TiffField> fields, string label)
    {
        async Task<long[]> Values(int tag) =>
            fields.TryGetValue(tag, out var field) ? await ReadIntegersAsync(field, tag, label).ConfigureAwait(false) : [];

        async Task<long> Value(int tag, long defaultValue)
        {
            var values = await Values(tag).ConfigureAwait(false);
            return values.Length > 0 ? values[0] : defaultValue;
        }

        var width = await Value(TiffTag.ImageWidth, 0).ConfigureAwait(false);
        var height = await Value(TiffTag.ImageLength, 0).ConfigureAwait(false);
        if (width <= 0 || height <= 0)
        {
            throw Invalid($"{label} has no image size (ImageWidth {width}, ImageLength {height}).");
        }

        var samplesPerPixel = (int)await Value(TiffTag.SamplesPerPixel, 1).ConfigureAwait(false);
        var tiled = fields.ContainsKey(TiffTag.TileWidth);
        var blockWidth = tiled ? await Value(TiffTag.TileWidth, 0).ConfigureAwait(false) : width;
        var blockHeight = tiled
            ? await Value(TiffTag.TileLength, 0).ConfigureAwait(false)
            : Math.Min(await Value(TiffTag.RowsPerStrip, uint.MaxValue).ConfigureAwait(false), height);
        if (blockWidth <= 0 || blockHeight <= 0 || blockWidth > int.MaxValue || blockHeight > int.MaxValue || samplesPerPixel <= 0)
        {
            throw Invalid($"{label} has an unusable layout (tile or strip {blockWidth}×{blockHeight}, {samplesPerPixel} samples per pixel).");
        }

        string? description = null;
        if (fields.TryGetValue(TiffTag.ImageDescription, out var descriptionField) && descriptionField.Type == 2)
        {
            var bytes = await ReadFieldBytesAsync(descriptionField, label).ConfigureAwait(false);
            description = DecodeText(bytes.Span);
        }

        var resolutionX = await RationalAsync(fields, TiffTag.XResolution, label).ConfigureAwait(false);
        var resolutionY = await RationalAsync(fields, TiffTag.YResolution, label).ConfigureAwait(false);
        byte[]? jpegTables = null;
        if (fields.TryGetValue(TiffTag.JpegTables, out var tablesField) && tablesField.Type is 1 or 7)
        {
            jpegTables = (await ReadFieldBytesAsync(tablesField, label).ConfigureAwait(false)).ToArray();
        }

        return new TiffIfd
        {
            Label = label,
            Width = width,
            Height = height,
            SamplesPerPixel = samplesPerPixel,
            BitsPerSample = Uniform(await Values(TiffTag.BitsPerSample).ConfigureAwait(false), 1),
            SampleFormat = Uniform(await Values(TiffTag.SampleFormat).ConfigureAwait(false), 1),
            Compression = (TiffCompression)await Value(TiffTag.Compression, 1).ConfigureAwait(false),
            Predictor = (TiffPredictor)await Value(TiffTag.Predictor, 1).ConfigureAwait(false),
            Photometric = (TiffPhotometric)await Value(TiffTag.PhotometricInterpretation, 1).ConfigureAwait(false),
            PlanarSeparate = await Value(TiffTag.PlanarConfiguration, 1).ConfigureAwait(false) == 2 && samplesPerPixel > 1,
            Tiled = tiled,
            BlockWidth = (int)blockWidth,
            BlockHeight = (int)blockHeight,
            Depth = (int)await Value(TiffTag.ImageDepth, 1).ConfigureAwait(false),
            Offsets = await Values(tiled ? TiffTag.TileOffsets : TiffTag.StripOffsets).ConfigureAwait(false),
            ByteCounts = await Values(tiled ? TiffTag.TileByteCounts : TiffTag.StripByteCounts).ConfigureAwait(false),
            NewSubfileType = await Value(TiffTag.NewSubfileType, 0).ConfigureAwait(false),
            SubIfdOffsets = await Values(TiffTag.SubIfds).ConfigureAwait(false),
            Description = description,
            JpegTables = jpegTables,
            Resolution = resolutionX > 0 && resolutionY > 0 ? (resolutionX.Value, resolutionY.Value) : null,
            ResolutionUnit = (int)await Value(TiffTag.ResolutionUnit, 2).ConfigureAwait(false),
        };
    }

    /// <summary>
    /// ASCII fields hold UTF-8 in practice (OME-XML writes "µm" so); a few writers store Latin-1, which is
    /// not valid UTF-8 and is read as such.
    /// </summary>
    private static string DecodeText(ReadOnlySpan<byte> bytes)
    {
        var text = bytes.TrimEnd((byte)0);
        try
        {
            return s_strictUtf8.GetString(text);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(text);
        }
    }

    /// <summary>The first value of a RATIONAL field, or null when the tag is absent, not a RATIONAL or has a zero denominator.</summary>
    private async Task<double?> RationalAsync(Dictionary<int, TiffField> fields, int tag, string label)
    {
        if (!fields.TryGetValue(tag, out var field) || field.Type != 5 || field.Count < 1)
        {
            return null;
        }

        var bytes = (await ReadFieldBytesAsync(field with { Count = 1 }, label).ConfigureAwait(false)).Span;
        var denominator = U32(bytes[4..]);
        return denominator == 0 ? null : (double)U32(bytes) / denominator;
    }

    /// <summary>The one value all samples share, or 0 when they differ (no pixel type has mixed samples).</summary>
    private static int Uniform(long[] values, int defaultValue) =>
        values.Length == 0 ? defaultValue : values.All(v => v == values[0]) ? (int)values[0] : 0;

    private async Task<long[]> ReadIntegersAsync(TiffField field, int tag, string label)
    {
        var bytes = (await ReadFieldBytesAsync(field, label).ConfigureAwait(false)).Span;
        var values = new long[field.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = field.Type switch
            {
                1 or 7 => bytes[i],
                6 => (sbyte)bytes[i],
                3 => U16(bytes[(i * 2)..]),
                8 => (short)U16(bytes[(i * 2)..]),
                4 or 13 => U32(bytes[(i * 4)..]),
                9 => (int)U32(bytes[(i * 4)..]),
                16 or 17 or 18 => checked((long)U64(bytes[(i * 8)..])),
                _ => throw Invalid($"{label} stores tag {tag} as type {field.Type}, which is not an integer type."),
            };
        }

        return values;
    }

    private async Task<ReadOnlyMemory<byte>> ReadFieldBytesAsync(TiffField field, string label)
    {
        var typeSize = field.Type < s_typeSizes.Length ? s_typeSizes[field.Type] : 0;
        if (typeSize == 0)
        {
            throw Invalid($"{label} has a field of unknown type {field.Type}.");
        }

        if (field.Count > _source.Length)
        {
            throw Invalid($"{label} has a field of {field.Count} values, more than the file holds; the file is damaged.");
        }

        var length = field.Count * typeSize;
        if (length <= field.ValueField.Length)
        {
            return field.ValueField[..(int)length];
        }

        var span = field.ValueField.Span;
        var offset = _bigTiff ? checked((long)U64(span)) : U32(span);
        if (offset > _source.Length - length || length > int.MaxValue)
        {
            throw Invalid($"{label} has a value array of {length} bytes at offset {offset}, beyond the end of the file ({_source.Length} bytes); the file is truncated or damaged.");
        }

        return await ReadAsync(offset, (int)length).ConfigureAwait(false);
    }

    /// <summary>Bytes [offset, offset+count) through the block cache; large ranges are read directly.</summary>
    private async ValueTask<ReadOnlyMemory<byte>> ReadAsync(long offset, int count)
    {
        var firstBlock = offset / BlockSize;
        var lastBlock = (offset + count - 1) / BlockSize;
        if (lastBlock - firstBlock > 1)
        {
            var direct = new byte[count];
            await _source.ReadExactlyAsync(offset, direct, _cancellationToken).ConfigureAwait(false);
            return direct;
        }

        var first = await BlockAsync(firstBlock).ConfigureAwait(false);
        var start = (int)(offset - (firstBlock * BlockSize));
        if (firstBlock == lastBlock)
        {
            return first.AsMemory(start, count);
        }

        var joined = new byte[count];
        var head = first.Length - start;
        first.AsSpan(start).CopyTo(joined);
        (await BlockAsync(lastBlock).ConfigureAwait(false)).AsSpan(0, count - head).CopyTo(joined.AsSpan(head));
        return joined;
    }

    private async ValueTask<byte[]> BlockAsync(long index)
    {
        if (!_blocks.TryGetValue(index, out var block))
        {
            var start = index * BlockSize;
            block = new byte[(int)Math.Min(BlockSize, _source.Length - start)];
            await _source.ReadExactlyAsync(start, block, _cancellationToken).ConfigureAwait(false);
            _blocks[index] = block;
        }

        return block;
    }

    private ushort U16(ReadOnlySpan<byte> b) => _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);

    private uint U32(ReadOnlySpan<byte> b) => _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);

    private ulong U64(ReadOnlySpan<byte> b) => _bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b);

    private InvalidImageException NotTiff(ReadOnlySpan<byte> start) =>
        Invalid($"the file is not a TIFF (it starts with bytes {Convert.ToHexString(start[..4])}).");

    private InvalidImageException Invalid(string problem) => new($"{Name}: {problem}");

    private readonly record struct TiffField(int Type, long Count, ReadOnlyMemory<byte> ValueField);
}
