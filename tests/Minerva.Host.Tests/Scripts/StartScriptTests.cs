using System.Globalization;
using System.Net;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Scripts;

/// <summary>
/// run.sh right after a crash: each start script brings its service back on the port it had, although connections of
/// the killed run still wait in TIME_WAIT there (s3-start.sh used to refuse such a port).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class StartScriptTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("minerva-restart-").FullName;

    [Fact]
    public async Task S3Start_RgwKilledWithClientConnected_ComesBackOnItsPortAtOnce()
    {
        var state = Path.Combine(_dir, "s3");
        try
        {
            var endpoint = S3Endpoint.Parse((await ServiceScripts.RunAsync("s3-start.sh", state)).Split('\n'));

            await CrashedService.KillWhileConnectedAsync(new Uri(endpoint.Endpoint).Port, Path.Combine(state, "run", "client.rgw.a.pid"));

            await ServiceScripts.RunAsync("s3-start.sh", state);
            Assert.Equal(HttpStatusCode.OK, await CrashedService.GetStatusAsync(endpoint.Endpoint));
        }
        finally
        {
            await ServiceScripts.RunAsync("s3-stop.sh", state, "--purge");
        }
    }

    [Fact]
    public async Task AzuriteStart_AzuriteKilledWithClientConnected_ComesBackOnItsPortsAtOnce()
    {
        var state = Path.Combine(_dir, "azurite");
        try
        {
            await ServiceScripts.RunAsync("azurite-start.sh", state);
            var blobPort = int.Parse((await File.ReadAllTextAsync(Path.Combine(state, "ports"))).Split(' ')[0], CultureInfo.InvariantCulture);

            await CrashedService.KillWhileConnectedAsync(blobPort, Path.Combine(state, "azurite.pid"));

            await ServiceScripts.RunAsync("azurite-start.sh", state);
            // Unsigned, so refused; but answered by the restarted Azurite.
            Assert.Equal(HttpStatusCode.Forbidden, await CrashedService.GetStatusAsync($"http://127.0.0.1:{blobPort}/devstoreaccount1?comp=list"));
        }
        finally
        {
            await ServiceScripts.RunAsync("azurite-stop.sh", state);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
