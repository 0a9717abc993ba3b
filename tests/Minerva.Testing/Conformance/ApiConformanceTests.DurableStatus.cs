using System.Net;
using System.Text.Json;
using Xunit;

namespace Minerva.Testing.Conformance;

public abstract partial class ApiConformanceTests
{
    [Fact]
    public async Task StatusQuery_AwaitingUpload_Is202WithLocationRetryAfterAndTheDurableShape()
    {
        var created = await CreateImportAsync(Alice);
        var uuid = created.GetProperty("uuid").GetString()!;
        var statusQuery = Link(created, "statusQueryGetUri");

        var running = await WhenRunningAsync(Alice, statusQuery);

        Assert.Equal(StatusFields, running.Fields);
        Assert.Equal(statusQuery, running.Headers.Location?.ToString());
        Assert.Equal(TimeSpan.FromSeconds(5), running.Headers.RetryAfter?.Delta);
        var body = running.Json;
        Assert.Equal(("ImportOrchestrator", uuid), (body.GetProperty("name").GetString(), body.GetProperty("instanceId").GetString()));
        Assert.Equal("AwaitingUpload", body.GetProperty("customStatus").GetProperty("phase").GetString());
        Assert.Equal(uuid, body.GetProperty("input").GetProperty("import").GetProperty("uuid").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("output").ValueKind);
        AssertApiSpelling(body.GetProperty("customStatus"));
        AssertApiSpelling(body.GetProperty("input"));
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", body.GetProperty("createdTime").GetString());
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", body.GetProperty("lastUpdatedTime").GetString());
        var withoutInput = (await Alice.GetAsync(statusQuery + "?showInput=false")).Expect(HttpStatusCode.Accepted);
        Assert.Equal(JsonValueKind.Null, withoutInput.Json.GetProperty("input").ValueKind);
    }

    [Theory]
    [InlineData("bob")]
    [InlineData("unknown")]
    [InlineData("not-an-instance")]
    [InlineData("suffix")]
    public async Task StatusQuery_NotTheCallersInstance_Is404(string which)
    {
        var uuid = (await CreateImportAsync(Alice)).GetProperty("uuid").GetString()!;
        var (user, id) = which switch
        {
            "bob" => (Bob, uuid),
            "unknown" => (Alice, Guid.NewGuid().ToString()),
            "not-an-instance" => (Alice, "not-an-instance"),
            _ => (Alice, uuid + "-x"),
        };

        (await user.GetAsync($"/durabletask/instances/{id}")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("/durabletask/instances")]
    [InlineData("/durabletask/instances/")]
    [InlineData("/runtime/webhooks/durabletask/instances")]
    public async Task InstanceListing_WithOrWithoutKey_IsNotServed(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Alice.GetAsync(path)).Status);
    }

    [Fact]
    public async Task StatusQuery_CompletedImport_Is200WithOutputAndCustomStatusInTheApisSpelling()
    {
        var run = await CompletedImportAsync();
        Output.WriteLine($"{run.FinalStatus.Request} → {(int)run.FinalStatus.Status}\n{run.FinalStatus.Text}");

        Assert.Equal(HttpStatusCode.OK, run.Polls[^1]);
        Assert.All(run.Polls.SkipLast(1), status => Assert.Equal(HttpStatusCode.Accepted, status));
        var body = run.FinalStatus.Expect(HttpStatusCode.OK).Json;
        Assert.Equal(StatusFields, run.FinalStatus.Fields);
        Assert.Null(run.FinalStatus.Headers.Location);
        Assert.Equal("Completed", body.GetProperty("runtimeStatus").GetString());
        Assert.Equal("Complete", body.GetProperty("output").GetProperty("status").GetString());
        Assert.Equal(0, body.GetProperty("output").GetProperty("errors").GetArrayLength());
        Assert.Equal("Complete", body.GetProperty("customStatus").GetProperty("phase").GetString());
        AssertApiSpelling(body.GetProperty("output"));
        AssertApiSpelling(body.GetProperty("customStatus"));
    }

    [Fact]
    public async Task StatusQuery_ShowHistory_ListsTheDurableHistoryEvents()
    {
        var run = await CompletedImportAsync();
        var statusQuery = Link(run.Created.Json, "statusQueryGetUri");

        var history = (await Alice.GetAsync(statusQuery + "?showHistory=true")).Expect(HttpStatusCode.OK).Json.GetProperty("historyEvents");
        var withOutput = (await Alice.GetAsync(statusQuery + "?showHistory=true&showHistoryOutput=true")).Expect(HttpStatusCode.OK).Json.GetProperty("historyEvents");

        var events = history.EnumerateArray().ToList();
        var types = events.Select(e => e.GetProperty("EventType").GetString()).ToList();
        Assert.Equal("ExecutionStarted", types[0]);
        Assert.Equal("ImportOrchestrator", events[0].GetProperty("FunctionName").GetString());
        Assert.Equal("ExecutionCompleted", types[^1]);
        Assert.Equal("Completed", events[^1].GetProperty("OrchestrationStatus").GetString());
        Assert.DoesNotContain("OrchestratorStarted", types);
        Assert.DoesNotContain("TaskScheduled", types);
        Assert.Contains(events, e => e.GetProperty("EventType").GetString() == "EventRaised" && e.GetProperty("Name").GetString() == "UploadComplete");
        var listed = Assert.Single(events, e => e.GetProperty("EventType").GetString() == "TaskCompleted" && e.GetProperty("FunctionName").GetString() == "ListUploadsActivity");
        Assert.True(listed.TryGetProperty("ScheduledTime", out _));
        Assert.False(listed.TryGetProperty("Result", out _));
        var child = Assert.Single(events, e => e.GetProperty("EventType").GetString() == "SubOrchestrationInstanceCompleted");
        Assert.Equal(("FilesetOrchestrator", $"{run.Import}:0"), (child.GetProperty("FunctionName").GetString(), child.GetProperty("InstanceId").GetString()));
        var completed = withOutput.EnumerateArray().Last();
        Assert.Equal("Complete", completed.GetProperty("Result").GetProperty("status").GetString());
        Assert.All(withOutput.EnumerateArray().Where(e => e.TryGetProperty("Input", out _)), e => AssertApiSpelling(e.GetProperty("Input")));
    }

    [Fact]
    public async Task StatusQuery_SubOrchestrations_AreReachableByTheirImportsOwnerOnly()
    {
        var run = await CompletedImportAsync();
        var orchestration = (await Alice.GetAsync($"/import/{run.Import}/orchestration")).Expect(HttpStatusCode.OK).Json;
        var children = orchestration.GetProperty("subOrchestrations").EnumerateArray().Select(c => c.GetProperty("instanceId").GetString()!).ToList();

        var fileset = (await Alice.GetAsync($"/durabletask/instances/{Uri.EscapeDataString(run.Import + ":0")}")).Expect(HttpStatusCode.OK);
        var answers = await Task.WhenAll(children.Select(id => Alice.GetAsync($"/durabletask/instances/{Uri.EscapeDataString(id)}")));

        Assert.Equal(("FilesetOrchestrator", "Completed"), (fileset.Json.GetProperty("name").GetString(), fileset.Json.GetProperty("runtimeStatus").GetString()));
        AssertApiSpelling(fileset.Json.GetProperty("customStatus"));
        Assert.All(answers, a => Assert.Equal("Completed", a.Expect(HttpStatusCode.OK).Json.GetProperty("runtimeStatus").GetString()));
        Assert.All(answers, a => AssertApiSpelling(a.Json.GetProperty("customStatus")));
        (await Bob.GetAsync($"/durabletask/instances/{run.Import}:0")).ExpectError(HttpStatusCode.NotFound, "not_found");
        (await Alice.GetAsync($"/durabletask/instances/{run.Import}:9")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task GetOrchestration_CompletedImport_ReportsItsSubOrchestrationsInTheApisSpelling()
    {
        var run = await CompletedImportAsync();

        var orchestration = (await Alice.GetAsync($"/import/{run.Import}/orchestration")).Expect(HttpStatusCode.OK).Json;

        Assert.Equal("Completed", orchestration.GetProperty("runtimeStatus").GetString());
        Assert.Equal("Complete", orchestration.GetProperty("output").GetProperty("status").GetString());
        var children = orchestration.GetProperty("subOrchestrations").EnumerateArray().ToList();
        Assert.Contains(children, c => c.GetProperty("instanceId").GetString() == $"{run.Import}:0");
        Assert.All(children, c => AssertApiSpelling(c.GetProperty("customStatus")));
        (await Bob.GetAsync($"/import/{run.Import}/orchestration")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }
}
