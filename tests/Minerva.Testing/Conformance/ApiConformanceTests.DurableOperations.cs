using System.Net;
using System.Text;
using Xunit;

namespace Minerva.Testing.Conformance;

/// <summary>What the management links do for an import: the import's own rules, never the bare orchestration's.</summary>
public abstract partial class ApiConformanceTests
{
    [Fact]
    public async Task SendEvent_UploadComplete_CompletesTheUploadAsPutDoes()
    {
        var (created, uuid, statusQuery) = await RunningImportAsync(Alice);
        var sendEvent = Link(created, "sendEventPostUri");

        (await Alice.SendAsync(HttpMethod.Post, sendEvent.Replace("{eventName}", "Approve", StringComparison.Ordinal), Json("{}"))).ExpectError(HttpStatusCode.BadRequest, "unknown_event");
        (await Bob.SendAsync(HttpMethod.Post, sendEvent.Replace("{eventName}", "UploadComplete", StringComparison.Ordinal), Json("{}"))).ExpectError(HttpStatusCode.NotFound, "not_found");
        (await Alice.DeleteAsync(Link(created, "purgeHistoryDeleteUri"))).ExpectError(HttpStatusCode.Conflict, "wrong_state");
        var raised = await Alice.SendAsync(HttpMethod.Post, sendEvent.Replace("{eventName}", "UploadComplete", StringComparison.Ordinal), Json("""{"on_conflict":"rename"}"""));

        raised.Expect(HttpStatusCode.Accepted);
        var (_, final) = await CompletedImport.FollowAsync(Alice, statusQuery);
        var output = final.Expect(HttpStatusCode.OK).Json.GetProperty("output");
        Assert.Equal("Failed", output.GetProperty("status").GetString());
        Assert.Contains("No files were uploaded", output.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Failed", (await Alice.GetAsync($"/import/{uuid}")).Json.GetProperty("status").GetString());
        (await Alice.SendAsync(HttpMethod.Post, sendEvent.Replace("{eventName}", "UploadComplete", StringComparison.Ordinal), Json("{}"))).ExpectError(HttpStatusCode.Gone, "gone");
        (await Alice.PutJsonAsync($"/import/{uuid}", new { complete = true })).ExpectError(HttpStatusCode.Conflict, "wrong_state");
    }

    [Fact]
    public async Task PurgeHistory_FinishedImport_RemovesTheHistoryButNotTheImport()
    {
        var (created, uuid, statusQuery) = await RunningImportAsync(Alice);
        (await Alice.PutJsonAsync($"/import/{uuid}", new { complete = true })).Expect(HttpStatusCode.Accepted);
        (await CompletedImport.FollowAsync(Alice, statusQuery)).Final.Expect(HttpStatusCode.OK);
        (await Bob.DeleteAsync(Link(created, "purgeHistoryDeleteUri"))).ExpectError(HttpStatusCode.NotFound, "not_found");

        var purged = (await Alice.DeleteAsync(Link(created, "purgeHistoryDeleteUri"))).Expect(HttpStatusCode.OK);

        Assert.Equal(["instancesDeleted"], purged.Fields);
        Assert.Equal(1, purged.Json.GetProperty("instancesDeleted").GetInt32());
        (await Alice.GetAsync(statusQuery)).ExpectError(HttpStatusCode.NotFound, "not_found");
        Assert.Equal("Failed", (await Alice.GetAsync($"/import/{uuid}")).Expect(HttpStatusCode.OK).Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Terminate_RunningImport_CancelsItAsDeleteDoes()
    {
        var (created, uuid, statusQuery) = await RunningImportAsync(Alice);
        var terminate = Link(created, "terminatePostUri").Replace("{text}", "changed%20my%20mind", StringComparison.Ordinal);

        var cancelled = (await Alice.SendAsync(HttpMethod.Post, terminate)).Expect(HttpStatusCode.Accepted);

        Assert.Equal("Cancelled", cancelled.Json.GetProperty("status").GetString());
        Assert.Equal("Cancelled", (await Alice.GetAsync($"/import/{uuid}")).Json.GetProperty("status").GetString());
        var (_, final) = await CompletedImport.FollowAsync(Alice, statusQuery);
        Assert.Equal("Terminated", final.Expect(HttpStatusCode.OK).Json.GetProperty("runtimeStatus").GetString());
        (await Alice.SendAsync(HttpMethod.Post, terminate)).ExpectError(HttpStatusCode.Gone, "gone");
    }

    [Theory]
    [InlineData("restartPostUri")]
    [InlineData("suspendPostUri")]
    [InlineData("resumePostUri")]
    public async Task Operation_NotInAnImportsLife_Is422AndChangesNothing(string link)
    {
        var (created, _, statusQuery) = await RunningImportAsync(Alice);

        (await Alice.SendAsync(HttpMethod.Post, Link(created, link).Replace("{text}", "x", StringComparison.Ordinal))).ExpectError(HttpStatusCode.UnprocessableEntity, "unsupported_operation");

        Assert.Equal("Running", (await Alice.GetAsync(statusQuery)).Expect(HttpStatusCode.Accepted).Json.GetProperty("runtimeStatus").GetString());
    }

    [Fact]
    public async Task Operations_OnASubOrchestration_Are422()
    {
        var run = await CompletedImportAsync();
        var child = $"/durabletask/instances/{run.Import}:0";

        (await Alice.SendAsync(HttpMethod.Post, child + "/terminate")).ExpectError(HttpStatusCode.UnprocessableEntity, "unsupported_operation");
        (await Alice.SendAsync(HttpMethod.Post, child + "/raiseEvent/UploadComplete", Json("{}"))).ExpectError(HttpStatusCode.UnprocessableEntity, "unsupported_operation");
        (await Alice.DeleteAsync(child)).ExpectError(HttpStatusCode.UnprocessableEntity, "unsupported_operation");
    }

    [Fact]
    public async Task TerminateAndSendEvent_CompletedImport_Are410()
    {
        var run = await CompletedImportAsync();

        (await Alice.SendAsync(HttpMethod.Post, Link(run.Created.Json, "terminatePostUri"))).ExpectError(HttpStatusCode.Gone, "gone");
        (await Alice.SendAsync(HttpMethod.Post, Link(run.Created.Json, "sendEventPostUri").Replace("{eventName}", "UploadComplete", StringComparison.Ordinal), Json("{}")))
            .ExpectError(HttpStatusCode.Gone, "gone");
        (await Alice.PutJsonAsync($"/import/{run.Import}", new { complete = true })).ExpectError(HttpStatusCode.Conflict, "wrong_state");
        (await Alice.GetAsync($"/import/{run.Import}/credentials")).ExpectError(HttpStatusCode.Conflict, "wrong_state");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
