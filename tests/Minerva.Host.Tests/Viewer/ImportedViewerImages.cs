using System.Text.Json;
using Minerva.Host.Tests.Import;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Viewer;

/// <summary>
/// One real import (durable engine on Azurite, Ceph RGW) of the viewer test images, written by tifffile with features
/// at known places (viewer_images.py), with small chunks so each image has several levels; then each image's record
/// with its zarr_url and viewer_url. Shared by the tests of a class; the host stops when they are done.
/// </summary>
public sealed class ImportedViewerImages(LocalServices services) : IAsyncLifetime
{
    public static readonly string[] Files = ["three-channel.ome.tif", "five-d.ome.tif", "thirteen.ome.tif"];

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("minerva-viewer-");
    private TestHost? _host;

    internal TestHost Host => _host!;

    /// <summary>Where viewer_images.py put each image's features (level-0 pixel coordinates), by image.</summary>
    public JsonElement Features { get; private set; }

    /// <summary>GET /image/{uuid} of each imported file, by file name.</summary>
    public Dictionary<string, JsonElement> Images { get; } = [];

    public string WorkDirectory => _directory.FullName;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(services, ("Minerva:Tiling:ChunkSize", "128"), ("Minerva:Tiling:RegionBytes", "1048576"));
        Features = JsonDocument.Parse(await RunAsync(ZarrCheck.Python, Script("viewer_images.py"), WorkDirectory)).RootElement.Clone();

        var api = new ImportApi(Host);
        string import = await api.CreateImportAsync(await api.CreateRepositoryAsync());
        foreach (var file in Files)
        {
            await api.UploadAsync(import, Path.Combine(WorkDirectory, file), file);
        }

        await api.CompleteAsync(import);
        var done = await api.WaitUntilFinishedAsync(import, TimeSpan.FromMinutes(3));
        Assert.True(done.GetProperty("status").GetString() == "Complete", done.ToString());
        foreach (var fileset in await api.FilesetsAsync(import))
        {
            var uuid = Assert.Single(fileset.GetProperty("images").EnumerateArray()).GetProperty("uuid").GetString();
            Images[fileset.GetProperty("name").GetString()!] = await api.GetAsync($"/image/{uuid}");
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _directory.Delete(recursive: true);
    }

    /// <summary>A script of this folder, copied beside the test binaries.</summary>
    public static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Viewer", name);

    /// <summary>Runs a program to its end and answers its standard output; a non-zero exit fails the test with both outputs.</summary>
    public static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var (exitCode, output, errors) = await ProgramRun.RunAsync(program, arguments, RepositoryRoot.Path);
        Assert.True(exitCode == 0, $"{Path.GetFileName(arguments[0])} exited {exitCode}: {output}{errors}");
        return output;
    }
}
