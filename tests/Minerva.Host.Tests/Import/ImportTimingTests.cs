using System.Diagnostics;
using Minerva.Testing.Services;
using Minerva.Testing.Tiff;
using Minerva.Tiling.IO;
using Minerva.Tiling.Model;
using Minerva.Tiling.Pyramid;
using Minerva.Tiling.Tiff;
using Xunit.Abstractions;

namespace Minerva.Host.Tests.Import;

/// <summary>
/// Imports a ~100 MB OME-TIFF and reports where the time goes: upload, scan (hash and metadata), pyramid building, and
/// the durable overhead measured against the same pyramid built locally by the engine. With the default 64 MB regions
/// the image is one region per channel; with 4 MB regions it fans out to many activities, which shows their cost.
/// Reports only; the assertions are about the result, never about time.
/// </summary>
[Collection(LocalServices.Collection)]
public sealed class ImportTimingTests(LocalServices services, ITestOutputHelper output) : IDisposable
{
    private readonly TestFiles files = new();

    [Theory]
    [InlineData(64L << 20)]
    [InlineData(4L << 20)]
    public async Task Import_HundredMegabyteOmeTiff_CompletesAndReportsPhaseTimes(long regionBytes)
    {
        // 3 channels of 4096×4096 uint16, uncompressed tiles: 100.7 MB of pixels; the pyramid is computed (levels 1..2).
        string path = Path.Combine(files.NewDirectory("big"), "big.ome.tiff");
        TestTiff.Write(path, new TestTiffSpec
        {
            Width = 4096,
            Height = 4096,
            SizeC = 3,
            PixelType = PixelType.UInt16,
            TileSize = 512,
            BigTiff = true,
            Content = TestContent.Smooth,
            Ome = new TestOme { ChannelNames = ["DAPI", "CD3", "CD8"] },
        });
        long bytes = new FileInfo(path).Length;

        await using var host = await TestHost.StartAsync(services, ("Minerva:Tiling:RegionBytes", $"{regionBytes}"));
        var api = new ImportApi(host);
        string import = await api.CreateImportAsync(await api.CreateRepositoryAsync());
        var clock = Stopwatch.StartNew();
        await api.UploadAsync(import, path, "big.ome.tiff");
        var upload = clock.Elapsed;

        clock.Restart();
        await api.CompleteAsync(import);
        TimeSpan? scanned = null;
        string status;
        do
        {
            var record = await api.GetAsync($"/import/{import}");
            status = record.GetProperty("status").GetString()!;
            if (scanned is null && record.GetProperty("progress").GetProperty("regions_total").GetInt64() > 0)
            {
                scanned = clock.Elapsed;
            }

            await Task.Delay(100);
        }
        while (status is "AwaitingUpload" or "Processing");
        var imported = clock.Elapsed;
        Assert.Equal("Complete", status);
        var image = Assert.Single(Assert.Single(await api.FilesetsAsync(import)).GetProperty("images").EnumerateArray());
        Assert.Equal([1L, 3, 1, 4096, 4096], image.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
        var regions = (await api.GetAsync($"/import/{import}")).GetProperty("progress").GetProperty("regions_total").GetInt64();

        clock.Restart();
        using (var source = await TiffImageSource.OpenAsync(FileByteSource.Open(path)))
        {
            await new LocalPyramidWriter(Environment.ProcessorCount).WriteAsync(
                source, [0], new TileOptions(RegionBytes: regionBytes), new DirectoryChunkStore(files.NewDirectory("local")), CancellationToken.None);
        }

        var local = clock.Elapsed;

        output.WriteLine($"file {bytes / 1e6:F1} MB, regions of {regionBytes >> 20} MB: {regions} regions, {Environment.ProcessorCount} cores");
        output.WriteLine($"upload (multipart, temporary credentials): {upload.TotalSeconds:F1} s ({bytes / 1e6 / upload.TotalSeconds:F0} MB/s)");
        output.WriteLine($"complete → scanned (event, list, SHA-256, metadata, planning): {scanned?.TotalSeconds:F1} s");
        output.WriteLine($"scanned → Complete (regions, metadata, records): {(imported - scanned)?.TotalSeconds:F1} s");
        output.WriteLine($"same pyramid built locally by the engine (file → folder): {local.TotalSeconds:F1} s");
        output.WriteLine($"total import after upload: {imported.TotalSeconds:F1} s");
    }

    public void Dispose() => files.Dispose();
}
