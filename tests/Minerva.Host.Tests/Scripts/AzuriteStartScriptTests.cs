using System.Globalization;
using System.Net;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Scripts;

/// <summary>run.sh right after a crash: azurite-start.sh brings Azurite back on the ports it had.</summary>
[Trait("Category", "EndToEnd")]
public sealed class AzuriteStartScriptTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("minerva-azurite-restart-").FullName;

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
