using Minerva.Tiling.Zarr.Codecs;

namespace Minerva.Tiling.Tests.Zarr;

/// <summary>Blosc frames checked against numcodecs (the codec zarr-python and napari use) in both directions.</summary>
public class NumcodecsInteropTests
{
    private const string EncodeScript = """
        import sys
        import numcodecs
        raw = open(sys.argv[1], "rb").read()
        out = sys.argv[2]
        cases = [(c, s, t, l, b) for c in ("lz4", "zstd") for s in (0, 1) for t in (2, 4) for (l, b) in ((5, 0), (0, 0), (5, 4096))]
        for i, (cname, shuffle, typesize, clevel, blocksize) in enumerate(cases):
            codec = numcodecs.Blosc(cname=cname, clevel=clevel, shuffle=shuffle, blocksize=blocksize)
            # typesize comes from the buffer's item size.
            import numpy as np
            frame = codec.encode(np.frombuffer(raw, dtype="u%d" % typesize))
            open("%s/%02d.blosc" % (out, i), "wb").write(frame)
        """;

    private const string DecodeScript = """
        import sys, glob
        import numcodecs
        raw = open(sys.argv[1], "rb").read()
        frames = sorted(glob.glob(sys.argv[2] + "/*.blosc"))
        assert frames, "no frames"
        for path in frames:
            decoded = numcodecs.Blosc().decode(open(path, "rb").read())
            if bytes(decoded) != raw:
                print("mismatch", path)
                sys.exit(1)
        print(len(frames), "frames ok")
        """;

    [Fact]
    public async Task Decode_NumcodecsFrames_EqualTheRawData()
    {
        using var folder = new Pyramid.TempDirectory();
        byte[] raw = ChunkCodecTests.Content("smooth", (1 << 20) + 12);
        string rawPath = Path.Combine(folder.Path, "raw.bin");
        await File.WriteAllBytesAsync(rawPath, raw);

        var (exitCode, output) = await SystemPython.RunAsync(EncodeScript, rawPath, folder.Path);
        Assert.True(exitCode == 0, output);

        var frames = Directory.GetFiles(folder.Path, "*.blosc");
        Assert.Equal(24, frames.Length);
        foreach (string frame in frames)
        {
            var decoded = new byte[raw.Length];
            BloscDecoder.Decode(await File.ReadAllBytesAsync(frame), decoded);
            Assert.True(raw.AsSpan().SequenceEqual(decoded), $"{Path.GetFileName(frame)} decodes differently.");
        }
    }

    [Fact]
    public async Task Encode_OurFrames_NumcodecsDecodesThem()
    {
        using var folder = new Pyramid.TempDirectory();
        byte[] raw = ChunkCodecTests.Content("smooth", (1 << 20) + 12);
        string rawPath = Path.Combine(folder.Path, "raw.bin");
        await File.WriteAllBytesAsync(rawPath, raw);
        int i = 0;
        foreach (var compressor in new[] { BloscCompressor.Lz4, BloscCompressor.Zstd })
        {
            foreach (int typeSize in new[] { 1, 2, 4, 8 })
            {
                foreach (int length in new[] { raw.Length, 100 })
                {
                    var codec = new BloscCodec(compressor, typeSize);
                    var encoded = new byte[codec.MaxEncodedLength(length)];
                    int written = codec.Encode(raw.AsSpan(0, length), encoded);
                    string name = length == raw.Length ? $"{i++:D2}.blosc" : $"short/{i++:D2}.blosc";
                    Directory.CreateDirectory(Path.Combine(folder.Path, "short"));
                    await File.WriteAllBytesAsync(Path.Combine(folder.Path, name), encoded[..written]);
                }
            }
        }

        var (exitCode, output) = await SystemPython.RunAsync(DecodeScript, rawPath, folder.Path);
        Assert.True(exitCode == 0, output);

        await File.WriteAllBytesAsync(rawPath, raw[..100]);
        (exitCode, output) = await SystemPython.RunAsync(DecodeScript, rawPath, Path.Combine(folder.Path, "short"));
        Assert.True(exitCode == 0, output);
    }
}
