using System.Diagnostics;
using Minerva.Tiling.IO;
using Minerva.Tiling.Model;
using Minerva.Tiling.Tiff;

// Usage: CodecBench FILE.tif [ROUNDS]. Decodes all of series 0, level 0, in bands one tile row high (as a region
// activity reads), ROUNDS times after a warm-up; prints the best round's MB/s of decoded pixel bytes. The decoding
// path (native or portable) is chosen by MINERVA_NATIVE_CODECS as in the engine.
var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
using var source = await TiffImageSource.OpenAsync(FileByteSource.Open(args[0]));
var series = source.Info.Series[0];
var band = 256;
var bytes = (long)series.SizeC * series.SizeY * series.SizeX * series.PixelType.SampleSize();
var buffer = new byte[series.SizeC * band * series.SizeX * series.PixelType.SampleSize()];
var best = double.MaxValue;
for (var round = 0; round <= rounds; round++)
{
    var clock = Stopwatch.StartNew();
    for (long y = 0; y < series.SizeY; y += band)
    {
        var height = (int)Math.Min(band, series.SizeY - y);
        await source.ReadAsync(new PlaneRect(0, 0, 0, 0, 0, series.SizeC, y, 0, height, (int)series.SizeX), buffer);
    }

    if (round > 0)
    {
        best = Math.Min(best, clock.Elapsed.TotalSeconds);
    }
}

Console.WriteLine($"{bytes / 1e6 / best:F0}");
