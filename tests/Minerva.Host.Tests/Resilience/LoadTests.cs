using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Minerva.Host.Tests.Import;
using Minerva.Testing.Services;
using Xunit.Abstractions;

namespace Minerva.Host.Tests.Resilience;

/// <summary>
/// Many imports at once, by several users, on two workers: every one completes (none lost before its orchestration
/// ran), each holds the image of the file it uploaded, under its owner, and no other user sees it. Twice, since a
/// lost start is intermittent; what the engine logs about lost or abandoned start messages is reported.
/// </summary>
[Collection(ResilienceCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class LoadTests(LocalServices services, ITestOutputHelper output) : ResilienceTest(output)
{
    private const int ImportsPerRound = 20;

    private static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(4);

    /// <summary>What the service logs when it had to set an import going again: an import that would have been lost.</summary>
    private static readonly string[] Lost = ["ImportRepair"];

    /// <summary>
    /// What the engine logs when a worker hands a control queue's messages back (a partition moving to the other
    /// worker abandons what it had dequeued; the new owner runs it), defers a start message whose instance row it cannot
    /// see yet, gets messages out of order, or drops an event that reached an orchestration before its first turn was
    /// saved ("No such instance": the orchestration finds that completion in the import's record): reported, not failures.
    /// </summary>
    private static readonly string[] HandedBack = ["Abandoning [ExecutionStarted]", "Abandoning", "out of order", "Discarding", "No such instance"];

    [Fact]
    public async Task Imports_TwentyAtOnceByFourUsersTwice_EachCompletesWithItsOwnFileSeenOnlyByItsOwner()
    {
        await using var workers = await Workers.StartAsync(2, services);
        for (int round = 1; round <= 2; round++)
        {
            // Import i belongs to user i mod 4 and is sent to worker i mod 2; its image has a size of its own.
            var plans = Enumerable.Range(0, ImportsPerRound).Select(i => new Planned(
                Workers.Users[i % Workers.Users.Count],
                workers.Api(i % 2, Workers.Users[i % Workers.Users.Count]),
                $"r{round}-i{i}.ome.tiff",
                96 + (8 * i),
                64 + (4 * i))).ToList();
            var repositories = new Dictionary<string, string>();
            foreach (var user in Workers.Users)
            {
                repositories[user] = await workers.Api(0, user).CreateRepositoryAsync();
            }

            var paths = plans.Select((p, i) => Files.SmallOmeTiff(p.Name, (100 * round) + i, p.Width, p.Height)).ToList();
            var imports = await Task.WhenAll(plans.Select(p => p.Api.CreateImportAsync(repositories[p.User])));
            await Task.WhenAll(plans.Select((p, i) => p.Api.UploadAsync(imports[i], paths[i], p.Name)));
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(plans.Select((p, i) => p.Api.CompleteAsync(imports[i])));
            await Task.WhenAll(plans.Select((p, i) => p.Api.WaitUntilFinishedAsync(imports[i], LoadTimeout)));
            Output.WriteLine($"round {round}: {ImportsPerRound} imports by {Workers.Users.Count} users, all finished {clock.Elapsed.TotalSeconds:F1} s after their completes");

            for (int i = 0; i < plans.Count; i++)
            {
                await AssertOwnImageAsync(plans[i], workers.Api(1 - (i % 2), Workers.Users[(i + 1) % Workers.Users.Count]), imports[i], paths[i]);
            }
        }

        foreach (string watched in HandedBack.Concat(Lost))
        {
            Output.WriteLine($"log entries with '{watched}' per worker: {string.Join(" + ", workers.CountLog(watched))}");
        }

        // Each import completed by itself: none needed the watchdog or PUT complete to set it going again.
        Assert.True(Lost.All(text => workers.CountLog(text).Sum() == 0), workers.LogTails());
    }

    /// <summary>The import completed with one image, of the file it uploaded, which its owner sees and <paramref name="other"/> (another user) does not.</summary>
    private static async Task AssertOwnImageAsync(Planned plan, ImportApi other, string import, string path)
    {
        var done = await plan.Api.GetAsync($"/import/{import}");
        Assert.True(done.GetProperty("status").GetString() == "Complete", done.ToString());
        Assert.Equal("Completed", await plan.Api.OrchestrationEndAsync(import));
        var fileset = Assert.Single(await plan.Api.FilesetsAsync(import));
        Assert.Equal(plan.Name, fileset.GetProperty("name").GetString());
        var image = Assert.Single(fileset.GetProperty("images").EnumerateArray());
        Assert.Equal([1L, 2, 1, plan.Height, plan.Width], image.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), image.GetProperty("sha256").GetString());

        string uuid = image.GetProperty("uuid").GetString()!;
        Assert.Equal(uuid, (await plan.Api.GetAsync($"/image/{uuid}")).GetProperty("uuid").GetString());
        foreach (string route in new[] { $"/image/{uuid}", $"/import/{import}", $"/import/{import}/filesets" })
        {
            using var response = await other.Http.GetAsync(route);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private sealed record Planned(string User, ImportApi Api, string Name, int Width, int Height);
}
