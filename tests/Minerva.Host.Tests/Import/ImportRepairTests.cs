using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Minerva.Host.Durable;
using Minerva.Service.Orchestration;
using Minerva.Service.Records;
using Minerva.Service.Storage;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Import;

/// <summary>
/// An import whose orchestration is lost, never receives its upload-complete event or ends without finishing the
/// import is set going again (or failed with the reason), by PUT complete and by the watchdog: never silently stuck.
/// The orchestration is removed or stopped through the host's own durable client, as the storage backend might lose it.
/// </summary>
[Collection(LocalServices.Collection)]
public sealed class ImportRepairTests(LocalServices services) : IDisposable
{
    private static readonly TimeSpan ImportTimeout = TimeSpan.FromMinutes(2);

    /// <summary>A watchdog that looks every second and repairs what has been stuck for two.</summary>
    private static readonly (string, string)[] EagerWatchdog = [("Minerva:WatchdogInterval", "00:00:01"), ("Minerva:OrchestrationStaleAfter", "00:00:02")];

    private readonly TestFiles files = new();

    [Fact]
    public async Task Complete_OrchestrationMissing_StartsOneAtTheCompletedUploadAndTheImportCompletes()
    {
        await using var host = await TestHost.StartAsync(services);
        var api = new ImportApi(host);
        string import = await api.CreateImportAsync(await api.CreateRepositoryAsync());
        await RemoveOrchestrationAsync(host, import);
        var (path, _) = files.PyramidalOmeTiff();
        await api.UploadAsync(import, path, "sample.ome.tiff");

        await api.CompleteAsync(import);

        await AssertCompletesAsync(api, import);
    }

    [Fact]
    public async Task Watchdog_CompletedUploadWithoutOrchestration_StartsOneAndTheImportCompletes()
    {
        await using var host = await TestHost.StartAsync(services, EagerWatchdog);
        var api = new ImportApi(host);
        string import = await UploadedImportAsync(api);

        // The upload was completed (the record says so), but the orchestration was lost before it heard of it.
        await CompleteWithoutOrchestrationAsync(host, import);

        await AssertCompletesAsync(api, import);
    }

    [Fact]
    public async Task Orchestration_UploadCompletedBeforeItsFirstTurn_ProceedsWithoutTheEvent()
    {
        // No watchdog within the test: the orchestration alone must find the completion.
        await using var host = await TestHost.StartAsync(services, ("Minerva:OrchestrationStaleAfter", "01:00:00"));
        var api = new ImportApi(host);
        string import = await UploadedImportAsync(api);

        // What the task hub leaves when the upload-complete event reached the orchestration before its first turn was
        // saved: the record says Processing, and an orchestration that starts waiting for an event already dropped.
        var record = await CompleteWithoutOrchestrationAsync(host, import);
        await host.Services.GetRequiredService<IImportWorkflow>().StartAsync(record);

        await AssertCompletesAsync(api, import);
    }

    [Fact]
    public async Task Watchdog_OrchestrationEndedWithoutFinishingTheImport_RecordsItFailedWithTheReason()
    {
        await using var host = await TestHost.StartAsync(services, EagerWatchdog);
        var api = new ImportApi(host);
        string import = await api.CreateImportAsync(await api.CreateRepositoryAsync());

        await host.Services.GetRequiredService<DurableTaskClient>().TerminateInstanceAsync(import, "lost");

        var done = await api.WaitUntilFinishedAsync(import, ImportTimeout);
        Assert.Equal("Failed", done.GetProperty("status").GetString());
        Assert.Contains("Its orchestration ended (Terminated", Assert.Single(done.GetProperty("errors").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Complete_OrchestrationLostBeforeItStarted_StartsANewOneAndTheImportCompletes()
    {
        await using var host = await TestHost.StartAsync(services, ("Minerva:OrchestrationStaleAfter", "00:00:02"));
        var api = new ImportApi(host);
        string import = await UploadedImportAsync(api);

        // What a start message discarded before it ran leaves behind: the instance Pending, with no history and no message.
        await RemoveOrchestrationAsync(host, import);
        await WritePendingInstanceAsync(host, import);
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await client.GetInstanceAsync(import))!.RuntimeStatus);
        await Task.Delay(TimeSpan.FromSeconds(3));

        await api.CompleteAsync(import);

        await AssertCompletesAsync(api, import);
    }

    public void Dispose() => files.Dispose();

    /// <summary>A new import with the sample pyramid uploaded to it, not yet marked complete.</summary>
    private async Task<string> UploadedImportAsync(ImportApi api)
    {
        string import = await api.CreateImportAsync(await api.CreateRepositoryAsync());
        var (path, _) = files.PyramidalOmeTiff();
        await api.UploadAsync(import, path, "sample.ome.tiff");
        return import;
    }

    private static async Task AssertCompletesAsync(ImportApi api, string import)
    {
        var done = await api.WaitUntilFinishedAsync(import, ImportTimeout);
        Assert.True(done.GetProperty("status").GetString() == "Complete", done.ToString());
    }

    /// <summary>The task hub's instance row of an orchestration created but never started (as DurableTask.AzureStorage writes it).</summary>
    private async Task WritePendingInstanceAsync(TestHost host, string instanceId)
    {
        string hub = host.Services.GetRequiredService<IOptions<DurableHostOptions>>().Value.TaskHub;
        var table = new TableClient(services.StorageConnectionString, hub + "Instances");
        await table.AddEntityAsync(new TableEntity(instanceId, "")
        {
            ["Name"] = nameof(ImportOrchestrator),
            ["Version"] = "",
            ["RuntimeStatus"] = "Pending",
            ["CreatedTime"] = DateTime.UtcNow,
            ["LastUpdatedTime"] = DateTime.UtcNow,
            ["TaskHubName"] = hub,
            ["ExecutionId"] = Guid.NewGuid().ToString("N"),
            ["Generation"] = 0,
        });
    }

    /// <summary>The record says the upload was completed (PUT complete's first step); the orchestration is gone.</summary>
    private static async Task<ImportRecord> CompleteWithoutOrchestrationAsync(TestHost host, string import)
    {
        await RemoveOrchestrationAsync(host, import);
        var records = host.Services.GetRequiredService<IRecordStore>();
        var record = (await records.GetImportAsync(TestHost.User, import))! with { Status = ImportStatus.Processing, OnConflict = OnConflict.Rename };
        await records.PutImportAsync(record);
        return record;
    }

    private static async Task RemoveOrchestrationAsync(TestHost host, string import)
    {
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        await client.TerminateInstanceAsync(import, "lost");
        await client.WaitForInstanceCompletionAsync(import);
        await client.PurgeInstanceAsync(import);
    }
}
