using System.Net;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Scripts;

/// <summary>run.sh right after a crash: s3-start.sh used to refuse RGW's port while it had connections in TIME_WAIT.</summary>
[Trait("Category", "EndToEnd")]
public sealed class S3StartScriptTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("minerva-s3-restart-").FullName;

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

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
