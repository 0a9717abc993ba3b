namespace Minerva.Tiling.Tiff.Compression;

/// <summary>
/// Compressions 33003, 33004, 33005 and 34712: one JPEG 2000 codestream per tile (a JP2 wrapper is accepted), 8 or
/// 16-bit grey or three-component samples. Decoded by OpenJPEG when it loads, else by <see cref="MagickJpeg2000"/>.
/// Colour follows what readers of each writer do: 33003 (Aperio YCbCr) is converted to RGB, 33005 (Aperio RGB) is
/// kept; for 33004 and 34712 the samples are YCbCr, as libvips reads them, when a JP2 wrapper says sYCC or the
/// second and third components are subsampled, and RGB otherwise (a codestream's own colour transform is undone by
/// the decoder).
/// </summary>
internal sealed class Jpeg2000Decompressor : TiffDecompressor
{
    private readonly TiffCompression _compression;
    private readonly int _components;
    private readonly int _bytesPerSample;
    private readonly int _pitch;

    private Jpeg2000Decompressor(TiffIfd ifd)
    {
        _compression = ifd.Compression;
        _components = ifd.SamplesPerBlock;
        _bytesPerSample = ifd.BytesPerSample;
        _pitch = ifd.BlockRowBytes;
    }

    public override string Name => "JPEG 2000";

    /// <summary>The decoder of one IFD's JPEG 2000 blocks, or null with the reason when the engine cannot decode them.</summary>
    public static Jpeg2000Decompressor? Create(TiffIfd ifd, out string? problem)
    {
        problem = null;
        if (ifd.SampleFormat != 1 || ifd.BitsPerSample is not (8 or 16))
        {
            problem = $"uses JPEG 2000 with {ifd.BitsPerSample}-bit samples of SampleFormat {ifd.SampleFormat}, which Minerva cannot read (it reads unsigned 8 and 16-bit JPEG 2000)";
        }
        else if (ifd.SamplesPerBlock is not (1 or 3))
        {
            problem = $"uses JPEG 2000 with {ifd.SamplesPerBlock} samples per pixel, which Minerva cannot read (it reads grey and three-component JPEG 2000)";
        }

        return problem is null ? new Jpeg2000Decompressor(ifd) : null;
    }

    public override int Decompress(ReadOnlySpan<byte> source, Span<byte> destination) => Decode(source, destination, OpenJpeg.IsAvailable);

    /// <summary>The portable path, reachable from tests and benchmarks on a machine that has OpenJPEG.</summary>
    internal int DecompressPortable(ReadOnlySpan<byte> source, Span<byte> destination) => Decode(source, destination, native: false);

    private int Decode(ReadOnlySpan<byte> source, Span<byte> destination, bool native)
    {
        var header = Jpeg2000Codestream.Parse(source);
        if (header.Components.Count != _components)
        {
            throw new InvalidDataException($"the codestream has {header.Components.Count} components where the TIFF declares {_components} samples");
        }

        var span = ((long)(header.Height - 1) * _pitch) + ((long)header.Width * _components * _bytesPerSample);
        if ((long)header.Width * _components * _bytesPerSample > _pitch || span > destination.Length)
        {
            throw new InvalidDataException($"the codestream's image of {header.Width}×{header.Height} pixels does not fit the tile");
        }

        var codestream = source.Slice(header.Start, header.Length);
        if (native)
        {
            OpenJpeg.Decode(codestream, header, destination, _pitch, _bytesPerSample);
        }
        else
        {
            MagickJpeg2000.Decode(codestream, header, destination, _pitch);
        }

        if (_components == 3 && IsYcc(header))
        {
            if (_bytesPerSample != 1)
            {
                throw new InvalidDataException("the codestream holds 16-bit YCbCr, which Minerva cannot convert to RGB");
            }

            Jpeg2000Samples.YccToRgb(destination, header.Width, header.Height, _pitch);
        }

        return (int)span;
    }

    private bool IsYcc(Jpeg2000Codestream header) => _compression switch
    {
        TiffCompression.Jpeg2000Ycc => true,
        TiffCompression.Jpeg2000Rgb => false,
        _ => header.DeclaredYcc || (header.Components[0] is { Dx: 1, Dy: 1 } && header.Components.Skip(1).All(c => c.Dx > 1 && c.Dy > 1)),
    };
}
