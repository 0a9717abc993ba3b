using Minerva.Testing.Tools;
using Minerva.Tiling.Tiff;
using Minerva.Tiling.Tiff.Compression;

namespace Minerva.Tiling.Tests.Tiff.Compression;

/// <summary>
/// What every TIFF decompressor must do, run once per codec and decoding path through a small subclass: decode
/// what an independent encoder wrote (exactly, or within the codec's tolerance), and meet empty, cut and garbage
/// input with <see cref="InvalidDataException"/> or a short result, never another exception or a hang.
/// </summary>
public abstract class TiffDecompressorContract
{
    /// <summary>Samples per pixel the codec is tested with.</summary>
    protected virtual int Samples => 1;

    /// <summary>How far a decoded sample may lie from the reference decode (lossy codecs).</summary>
    protected virtual int Tolerance => 0;

    private protected abstract TiffCompression Compression { get; }

    [Theory]
    [InlineData(16, 16)]
    [InlineData(64, 48)]
    [InlineData(256, 256)]
    public void Decompress_IndependentlyEncodedBlock_ReturnsItsSamples(int width, int height)
    {
        var pixels = Pixels(width, height, Samples, width + height);
        var (encoded, expected) = Encode(pixels, width, height);
        var destination = new byte[expected.Length];

        var written = Decompress(Ifd(width, height), encoded, destination);

        Assert.Equal(expected.Length, written);
        SampleAssert.Within(expected, destination, Tolerance, $"{width}×{height}");
    }

    [Fact]
    public void Decompress_EmptyInput_ThrowsInvalidDataOrReturnsNothing() =>
        AssertRefusedOrShort([], 32, 32);

    [Fact]
    public void Decompress_CutInput_ThrowsInvalidDataOrReturnsLess()
    {
        var (encoded, _) = Encode(Pixels(64, 64, Samples, 3), 64, 64);
        AssertRefusedOrShort(encoded[..(encoded.Length / 2)], 64, 64);
    }

    [Fact]
    public void Decompress_Garbage_ThrowsOnlyInvalidData()
    {
        var garbage = new byte[5000];
        new Random(5).NextBytes(garbage);
        var destination = new byte[64 * 64 * Samples];
        try
        {
            Decompress(Ifd(64, 64), garbage, destination);
        }
        catch (InvalidDataException)
        {
        }
    }

    /// <summary>Encodes <paramref name="pixels"/> (interleaved 8-bit) with an encoder outside the engine; returns the bytes and the samples a decoder must return.</summary>
    protected abstract (byte[] Encoded, byte[] Expected) Encode(byte[] pixels, int width, int height);

    private protected virtual int Decompress(TiffIfd ifd, byte[] encoded, Span<byte> destination) =>
        TiffDecompressor.For(ifd, out _)!.Decompress(encoded, destination);

    private protected TiffIfd Ifd(int width, int height) => new()
    {
        Label = "IFD 0",
        Width = width,
        Height = height,
        SamplesPerPixel = Samples,
        BitsPerSample = 8,
        SampleFormat = 1,
        Compression = Compression,
        Predictor = TiffPredictor.None,
        Photometric = Samples == 3 ? TiffPhotometric.Rgb : TiffPhotometric.MinIsBlack,
        PlanarSeparate = false,
        Tiled = true,
        BlockWidth = width,
        BlockHeight = height,
        Depth = 1,
        Offsets = [0],
        ByteCounts = [1],
        NewSubfileType = 0,
        SubIfdOffsets = [],
    };

    /// <summary>Runs a tool that reads <paramref name="input"/> from a file and writes its output to another; returns the output.</summary>
    protected static byte[] Tool(string program, byte[] input, string inputName, string outputName, params string[] arguments)
    {
        var folder = Directory.CreateTempSubdirectory("minerva-codec-").FullName;
        try
        {
            var inputPath = Path.Combine(folder, inputName);
            var outputPath = Path.Combine(folder, outputName);
            File.WriteAllBytes(inputPath, input);
            CommandLine.Run(program, [.. arguments.Select(a => a.Replace("{in}", inputPath).Replace("{out}", outputPath))]);
            return File.ReadAllBytes(outputPath);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A netpbm image (PGM or PPM) of interleaved 8-bit samples, the input format of cjpeg and opj_compress.</summary>
    protected static byte[] Netpbm(byte[] pixels, int width, int height, int samples) =>
        [.. System.Text.Encoding.ASCII.GetBytes($"{(samples == 3 ? "P6" : "P5")}\n{width} {height}\n255\n"), .. pixels];

    /// <summary>Smooth gradients with noise, interleaved: compressible like real images, different per seed.</summary>
    private static byte[] Pixels(int width, int height, int samples, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[width * height * samples];
        for (var i = 0; i < pixels.Length; i++)
        {
            var pixel = i / samples;
            pixels[i] = (byte)(((pixel % width) + (pixel / width) + (40 * (i % samples))) % 200 + random.Next(8));
        }

        return pixels;
    }

    private void AssertRefusedOrShort(byte[] input, int width, int height)
    {
        var destination = new byte[width * height * Samples];
        try
        {
            Assert.True(Decompress(Ifd(width, height), input, destination) < destination.Length, "Damaged input decoded as a whole block.");
        }
        catch (InvalidDataException)
        {
        }
    }
}
