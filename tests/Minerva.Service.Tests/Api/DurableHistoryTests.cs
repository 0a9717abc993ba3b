using System.Text.Json.Nodes;
using DurableTask.Core;
using DurableTask.Core.History;
using Minerva.Service.Api;

namespace Minerva.Service.Tests.Api;

/// <summary>History events as the Durable extension's status query lists them.</summary>
public sealed class DurableHistoryTests
{
    private static readonly DateTime T0 = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);

    private static readonly HistoryEvent[] History =
    [
        new OrchestratorStartedEvent(-1) { Timestamp = T0 },
        new ExecutionStartedEvent(-1, """{"Import":{"Uuid":"u","Owner":"o","RepositoryUuid":"r"},"UploadTimeout":"1.00:00:00","Tiling":{"ChunkSize":128,"Compressor":0,"RegionBytes":131072}}""")
        {
            Name = "ImportOrchestrator",
            Timestamp = T0,
        },
        new TaskScheduledEvent(0, "ListUploadsActivity", null, """{"Uuid":"u","Owner":"o","RepositoryUuid":"r"}""") { Timestamp = T0.AddSeconds(1) },
        new OrchestratorCompletedEvent(-1) { Timestamp = T0.AddSeconds(1) },
        new TaskCompletedEvent(-1, 0, """[{"Key":"imports/u/a.tif","Size":10,"ETag":"e1"}]""") { Timestamp = T0.AddSeconds(2) },
        new SubOrchestrationInstanceCreatedEvent(1) { Name = "FilesetOrchestrator", InstanceId = "u:0", Timestamp = T0.AddSeconds(3) },
        new TaskScheduledEvent(2, "UpdateImportActivity") { Timestamp = T0.AddSeconds(3) },
        new ExecutionCompletedEvent(-1, """{"Status":2,"Errors":[]}""", OrchestrationStatus.Completed) { Timestamp = T0.AddSeconds(9) },
    ];

    [Fact]
    public void ToJson_ScheduledThenCompleted_FoldsIntoOneEventAndDropsEpisodes()
    {
        var events = DurableHistory.ToJson("ImportOrchestrator", History, showInput: true, showOutput: true);

        Assert.Equal(
            ["ExecutionStarted", "TaskCompleted", "SubOrchestrationInstanceCreated", "TaskScheduled", "ExecutionCompleted"],
            events.Select(e => e!["EventType"]!.GetValue<string>()));
        var listed = events[1]!.AsObject();
        Assert.Equal("ListUploadsActivity", listed["FunctionName"]!.GetValue<string>());
        Assert.Equal(T0.AddSeconds(1), listed["ScheduledTime"]!.GetValue<DateTime>());
        Assert.Equal("""{"uuid":"u","owner":"o","repository_uuid":"r"}""", listed["Input"]!.ToJsonString());
        Assert.Equal("""[{"key":"imports/u/a.tif","size":10,"e_tag":"e1"}]""", listed["Result"]!.ToJsonString());
        Assert.Equal(("FilesetOrchestrator", "u:0"), (events[2]!["Name"]!.GetValue<string>(), events[2]!["InstanceId"]!.GetValue<string>()));
        Assert.Equal("BloscLz4", events[0]!["Input"]!["tiling"]!["compressor"]!.GetValue<string>());
        Assert.Equal("Completed", events[4]!["OrchestrationStatus"]!.GetValue<string>());
        Assert.Equal("Complete", events[4]!["Result"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public void ToJson_WithoutInputOrOutput_LeavesThemOut()
    {
        var events = DurableHistory.ToJson("ImportOrchestrator", History, showInput: false, showOutput: false);

        Assert.All(events, e => Assert.False(e!.AsObject().ContainsKey("Input")));
        Assert.All(events, e => Assert.False(e!.AsObject().ContainsKey("Result")));
    }

    [Fact]
    public void ToJson_FailedActivity_CarriesErrorButNoStackTrace()
    {
        HistoryEvent[] history =
        [
            new TaskScheduledEvent(0, "ListUploadsActivity") { Timestamp = T0 },
            new TaskFailedEvent(-1, 0, null, null, new FailureDetails("System.IO.IOException", "S3 is down", "at Minerva.Secret()", null, false)) { Timestamp = T0 },
        ];

        var failed = Assert.Single(DurableHistory.ToJson("ImportOrchestrator", history, showInput: true, showOutput: true))!.AsObject();

        Assert.Equal(("TaskFailed", "ListUploadsActivity", "S3 is down"), (failed["EventType"]!.GetValue<string>(), failed["FunctionName"]!.GetValue<string>(), failed["Reason"]!.GetValue<string>()));
        Assert.DoesNotContain("Minerva.Secret", failed.ToJsonString(), StringComparison.Ordinal);
    }
}
