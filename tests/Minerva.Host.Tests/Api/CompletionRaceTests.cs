using System.Collections.Concurrent;
using System.Net;
using Minerva.Service.Records;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Api;

/// <summary>
/// Requests that race for one import's state (PUT complete, DELETE, POST files, credentials) against the real host,
/// records and bucket: each race has one outcome, and nothing is left half-done.
/// </summary>
public sealed class CompletionRaceTests(LocalServices services, ApiHostFixture fixture) : SharedApiHostTests(services, fixture)
{
    private const string CompleteBody = """{"complete":true}""";

    [Fact]
    public async Task PutComplete_TenAtOnce_OneAcceptedOthersConflict()
    {
        var (_, import) = await Host.CreateImportAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => CompleteAsync(import)));

        Assert.Equal(1, answers.Count(a => a == HttpStatusCode.Accepted));
        Assert.Equal(9, answers.Count(a => a == HttpStatusCode.Conflict));
        Assert.Single(Host.Workflow.Calls, c => c.StartsWith($"complete {import}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PutComplete_ThirtyMillisecondsApart_SecondIsConflict()
    {
        var (_, import) = await Host.CreateImportAsync();

        var first = CompleteAsync(import);
        await Task.Delay(30);
        var second = CompleteAsync(import);

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Conflict], (await Task.WhenAll(first, second)).Order());
    }

    [Fact]
    public async Task PutComplete_Accepted_CredentialsAndFilesAreConflictAndStoreNothing()
    {
        var (_, import) = await Host.CreateImportAsync();

        Assert.Equal(HttpStatusCode.Accepted, await CompleteAsync(import));

        Assert.Equal(ImportStatus.Processing, (await Host.Records.GetImportAsync(Host.AliceUser, import))!.Status);
        await ApiAssert.ErrorAsync(await Host.Alice.GetAsync($"/import/{import}/credentials"), HttpStatusCode.Conflict, "wrong_state");
        var files = MultipartBody.Content(MultipartBody.Build(MultipartBody.File("p1", "late.tif", [1, 2, 3])));
        await ApiAssert.ErrorAsync(await Host.Alice.PostAsync($"/import/{import}/files", files), HttpStatusCode.Conflict, "wrong_state");
        Assert.Empty(await Host.Objects.ListAsync($"imports/{import}/"));
        Assert.Empty(await Host.Records.ListFilesetsAsync(import));
    }

    [Fact]
    public async Task CompleteAndCancel_AtOnce_EndCancelledWithNothingLeft()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            var (_, import) = await Host.CreateImportAsync();
            await Host.Objects.PutAsync($"imports/{import}/a.tif", new MemoryStream([1, 2, 3]));
            var complete = CompleteAsync(import);
            var cancel = Host.Alice.DeleteAsync($"/import/{import}");
            return (Import: import, Complete: await complete, Cancel: (await cancel).StatusCode);
        }));

        foreach (var (import, complete, cancel) in outcomes)
        {
            Assert.Equal(HttpStatusCode.Accepted, cancel);
            Assert.Contains(complete, new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict });
            Assert.Equal(complete == HttpStatusCode.Accepted, Host.Workflow.Calls.Any(c => c.StartsWith($"complete {import}", StringComparison.Ordinal)));
            Assert.Equal(ImportStatus.Cancelled, (await Host.Records.GetImportAsync(Host.AliceUser, import))!.Status);
            Assert.Empty(await Host.Objects.ListAsync($"imports/{import}/"));
        }
    }

    [Fact]
    public async Task PostFiles_CompleteWhileSending_IsConflictUntilFilesAnswered()
    {
        var (_, import) = await Host.CreateImportAsync();
        var body = MultipartBody.Build(MultipartBody.File("p1", "a.tif", new byte[100_000]));
        var gated = MultipartBody.Gated(body, body.Length / 2);
        var files = Host.Alice.PostAsync($"/import/{import}/files", gated);
        await WaitForUploadLeaseAsync(import);

        var whileSending = await Host.Alice.PutAsync($"/import/{import}", new StringContent(CompleteBody));
        gated.Release.SetResult();

        await ApiAssert.ErrorAsync(whileSending, HttpStatusCode.Conflict, "wrong_state");
        Assert.Equal(HttpStatusCode.OK, (await files).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, await CompleteAsync(import));
        Assert.Equal([$"imports/{import}/a.tif"], (await Host.Objects.ListAsync($"imports/{import}/")).Select(o => o.Key));
    }

    [Fact]
    public async Task PostFiles_CancelledWhileSending_IsConflictAndKeepsNothing()
    {
        var (import, files, gated) = await StartTwoFilesHeldInTheSecondAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await Host.Alice.DeleteAsync($"/import/{import}")).StatusCode);
        gated.Release.SetResult();

        await ApiAssert.ErrorAsync(await files, HttpStatusCode.Conflict, "wrong_state");
        Assert.Empty(await Host.Objects.ListAsync($"imports/{import}/"));
    }

    [Fact]
    public async Task PostFiles_ClientGoneInSecondPart_KeepsNothing()
    {
        var (import, files, gated) = await StartTwoFilesHeldInTheSecondAsync();

        gated.Release.SetException(new IOException("the client went away"));

        await Assert.ThrowsAnyAsync<Exception>(() => files);
        await WaitUntilAsync(async () => (await Host.Records.GetImportAsync(Host.AliceUser, import))!.Uploads is null);
        Assert.Empty(await Host.Objects.ListAsync($"imports/{import}/"));
        Assert.Equal(HttpStatusCode.Accepted, await CompleteAsync(import));
    }

    [Fact]
    public async Task FilesAndComplete_AtOnce_WhatTheCompletionSawIsWhatStays()
    {
        var seen = new ConcurrentDictionary<string, string[]>();
        Host.Workflow.OnComplete = async import =>
            seen[import] = [.. (await Host.Objects.ListAsync($"imports/{import}/")).Select(o => o.Key)];

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            var (_, import) = await Host.CreateImportAsync();
            var files = Host.Alice.PostAsync($"/import/{import}/files", MultipartBody.Content(MultipartBody.Build(MultipartBody.File("p1", "a.tif", new byte[50_000]))));
            var complete = CompleteAsync(import);
            return (Import: import, Files: (await files).StatusCode, Complete: await complete);
        }));

        foreach (var (import, files, complete) in outcomes)
        {
            var stored = (await Host.Objects.ListAsync($"imports/{import}/")).Select(o => o.Key).ToArray();
            Assert.Equal(files == HttpStatusCode.OK ? [$"imports/{import}/a.tif"] : [], stored);
            Assert.True(files == HttpStatusCode.OK || complete == HttpStatusCode.Accepted, $"files {files}, complete {complete}");
            if (complete == HttpStatusCode.Accepted)
            {
                Assert.Equal(stored, seen[import]);
            }
        }
    }

    private async Task<HttpStatusCode> CompleteAsync(string import) =>
        (await Host.Alice.PutAsync($"/import/{import}", new StringContent(CompleteBody))).StatusCode;

    /// <summary>A new import and a POST files of two files, sent up to the middle of the second file's content and held there.</summary>
    private async Task<(string Import, Task<HttpResponseMessage> Files, MultipartBody.GatedContent Gated)> StartTwoFilesHeldInTheSecondAsync()
    {
        var (_, import) = await Host.CreateImportAsync();
        var first = MultipartBody.File("p1", "a.tif", new byte[1000]);
        var body = MultipartBody.Build([.. first, .. MultipartBody.File("p2", "b.tif", new byte[100_000])]);
        var gated = MultipartBody.Gated(body, MultipartBody.Build(first).Length + 500);
        var files = Host.Alice.PostAsync($"/import/{import}/files", gated);
        await WaitForUploadLeaseAsync(import);
        return (import, files, gated);
    }

    /// <summary>Until the server has begun the files request: it holds the import's upload lease.</summary>
    private Task WaitForUploadLeaseAsync(string import) =>
        WaitUntilAsync(async () => (await Host.Records.GetImportAsync(Host.AliceUser, import))!.Uploads is { Count: > 0 });

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 30 s");
            await Task.Delay(20);
        }
    }
}
