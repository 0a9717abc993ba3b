using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3.Model;
using Minerva.Functions.Tests.InProcess;
using Minerva.Service.Configuration;
using Minerva.Service.Storage;
using Minerva.Testing.Conformance;
using Minerva.Testing.Services;

namespace Minerva.Functions.Tests.LocalSettings;

/// <summary>
/// The README's way to run the Functions app under Core Tools, up to <c>func start</c> (which cannot run here):
/// <c>./run.sh --services-only</c> on local.settings.json, then the app with exactly those settings. The settings are
/// the repository's own but for the ports (10000–10002 and 7480 may be taken on a shared machine).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ServicesOnlyTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("minerva-services-only-");

    [Fact]
    public async Task RunServicesOnly_LocalSettings_ServeAnImportThroughTheFunctionsAppUntilStopped()
    {
        var ports = DistinctFreePorts(4);
        var settings = LocalSettingsFile.Load().OnPorts(ports[0], ports[1], ports[2], ports[3]);
        var settingsPath = Path.Combine(_dir.FullName, "local.settings.json");
        settings.Save(settingsPath);
        await using var services = await ServicesOnlyProcess.StartAsync(settingsPath, Path.Combine(_dir.FullName, "data"), TimeSpan.FromMinutes(5));

        await using (var app = await FunctionsApiHost.StartAsync(AppSettings(settings)))
        {
            using var user = new ApiUser(app, settings.ApiKey.Key);
            var run = await CompletedImport.RunAsync(user);
            Assert.Equal("Complete", run.FinalStatus.Expect(HttpStatusCode.OK).Json.GetProperty("output").GetProperty("status").GetString());
            await UploadWithCredentialsAsync(user);
        }

        Assert.Equal(143, await services.StopAsync());
        Assert.All(Ports(settings), port => Assert.False(Listening(port), $"port {port} still answers after run.sh stopped:\n{services.Output}"));
    }

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>The Values as the Functions host passes them, with the task hub of host.json and small tiles.</summary>
    private static IEnumerable<KeyValuePair<string, string?>> AppSettings(LocalSettingsFile settings) => settings.Configuration.Concat(
    [
        new("Minerva:TaskHub", "minerva"),
        new("Minerva:Tiling:ChunkSize", "128"),
        new("Logging:LogLevel:Default", "Warning"),
    ]);

    /// <summary>Upload credentials from the STS role the command set up, used as a client uses them.</summary>
    private static async Task UploadWithCredentialsAsync(ApiUser user)
    {
        var repository = (await user.PostJsonAsync("/repository", new { name = "services-only", raw_storage = "Live" })).Expect(HttpStatusCode.Created).Json.GetProperty("uuid").GetString();
        var import = (await user.PostJsonAsync("/import", new { name = "credentials", repository_uuid = repository })).Expect(HttpStatusCode.Created).Json.GetProperty("uuid").GetString();
        var c = (await user.GetAsync($"/import/{import}/credentials")).Expect(HttpStatusCode.OK).Json;
        string Field(string name) => c.GetProperty(name).GetString()!;
        using var s3 = S3ClientFactory.Create(
            new S3Options { Endpoint = Field("endpoint"), Region = Field("region") },
            new SessionAWSCredentials(Field("access_key_id"), Field("secret_access_key"), Field("session_token")));

        var put = await s3.PutObjectAsync(new PutObjectRequest { BucketName = Field("bucket"), Key = Field("key_prefix") + "a.tif", ContentBody = "x" });

        Assert.Equal(HttpStatusCode.OK, put.HttpStatusCode);
    }

    /// <summary>Free ports, no two alike (a port freed by one probe may be handed out again by the next).</summary>
    private static int[] DistinctFreePorts(int count)
    {
        var ports = new HashSet<int>();
        while (ports.Count < count)
        {
            ports.Add(FreePort.Next());
        }

        return [.. ports];
    }

    private static IEnumerable<int> Ports(LocalSettingsFile settings) =>
        settings.Values["AzureWebJobsStorage"].Split(';').Where(p => p.Contains("Endpoint=", StringComparison.Ordinal)).Select(p => new Uri(p.Split('=', 2)[1]).Port)
            .Append(new Uri(settings.Values["S3__Endpoint"]).Port);

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
