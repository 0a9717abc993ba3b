using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Minerva.Service.Api.Models;
using Minerva.Service.Configuration;
using Minerva.Service.Orchestration;
using Minerva.Service.Records;
using Minerva.Service.Storage;

namespace Minerva.Service.Api;

/// <summary>
/// POST /import, GET /import/{uuid}, PUT /import/{uuid}, and what an import exposes: credentials, filesets, orchestration.
/// POST and PUT answers carry the Durable management links of the import's orchestration (<see cref="ManagementLinks"/>).
/// The workflow is a per-call argument: the Functions app gets its DurableTaskClient from a per-invocation binding.
/// </summary>
public sealed class ImportHandlers(
    ApiKeys keys, IRecordStore records, IObjectStore objects, UploadCompletion completion, IOptions<MinervaOptions> options, TimeProvider clock, ImageLinks links)
{
    public async Task<IResult> CreateAsync(HttpRequest request, IImportWorkflow workflow, CancellationToken ct)
    {
        var owner = keys.UserOf(request);
        var body = await ApiRequests.ReadJsonAsync<CreateImportRequest>(request, ct);
        var name = ApiRequests.Name(body.Name, "name");
        var repositoryUuid = ApiRequests.Required(body.RepositoryUuid, "repository_uuid");
        if (!Guid.TryParseExact(repositoryUuid, "D", out var repositoryId)
            || await records.GetRepositoryAsync(owner, repositoryId.ToString(), ct) is null)
        {
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, "unknown_repository", $"No repository {repositoryUuid} exists for this API key.");
        }

        var now = clock.GetUtcNow();
        var import = new ImportRecord(
            Guid.NewGuid().ToString(), owner, repositoryId.ToString(), name, ImportStatus.AwaitingUpload, ImportProgress.None, [], now, now);
        await records.PutImportAsync(import, ct);
        await workflow.StartAsync(import, ct: ct);
        return ApiResults.Json(ManagementLinks.For(request, import.Uuid).AddTo(ImportResponse.From(import)), StatusCodes.Status201Created, $"/import/{import.Uuid}");
    }

    /// <summary>GET /import[?repository_uuid=]: the caller's imports, oldest first, optionally of one repository.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken ct)
    {
        var owner = keys.UserOf(request);
        string? repositoryUuid = null;
        if (request.Query.TryGetValue("repository_uuid", out var filter))
        {
            repositoryUuid = ApiRequests.Uuid(filter.ToString());
            _ = await records.GetRepositoryAsync(owner, repositoryUuid, ct) ?? throw ApiException.NotFound("repository", repositoryUuid);
        }

        var imports = await records.ListImportsAsync(owner, repositoryUuid, ct);
        return ApiResults.Json(imports.OrderBy(i => i.Created).Select(ImportResponse.From).ToArray());
    }

    /// <summary>GET /import/{uuid}: the record, with the progress its orchestrations report while it is processing.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, string uuid, IImportWorkflow workflow, CancellationToken ct)
    {
        var import = await records.RequireImportAsync(keys.UserOf(request), uuid, ct);
        if (import.Status == ImportStatus.Processing && await workflow.GetProgressAsync(import.Uuid, ct) is { } live)
        {
            import = import with { Progress = live.Import };
        }

        return ApiResults.Json(ImportResponse.From(import));
    }

    /// <summary>PUT /import/{uuid} {"complete": true}: ends the upload once (<see cref="UploadCompletion"/>) and raises the upload-complete event.</summary>
    public async Task<IResult> CompleteAsync(HttpRequest request, string uuid, IImportWorkflow workflow, CancellationToken ct)
    {
        var owner = keys.UserOf(request);
        var body = await ApiRequests.ReadJsonAsync<CompleteImportRequest>(request, ct);
        if (body.Complete != true)
        {
            throw ApiException.BadRequest("invalid_field", "The field 'complete' must be true: it marks the upload as finished.");
        }

        var onConflict = body.OnConflict is null ? OnConflict.Ignore : ApiRequests.Enum<OnConflict>(body.OnConflict, "on_conflict");
        var import = await completion.CompleteAsync(await records.RequireImportAsync(owner, uuid, ct), onConflict, workflow, ct);
        return ApiResults.Json(ManagementLinks.For(request, import.Uuid).AddTo(ImportResponse.From(import)), StatusCodes.Status202Accepted, $"/import/{import.Uuid}");
    }

    public async Task<IResult> CredentialsAsync(HttpRequest request, string uuid, CancellationToken ct)
    {
        var owner = keys.UserOf(request);
        var import = await records.RequireImportAsync(owner, uuid, ct);
        import.RequireAwaitingUpload("upload credentials are issued");
        var c = await objects.CreateUploadCredentialsAsync(ImportLayout.UploadPrefix(import.Uuid), options.Value.UploadCredentialLifetime, ct);

        // A completion or cancellation that raced with this request has closed the prefix to these credentials already.
        (await records.RequireImportAsync(owner, uuid, ct)).RequireAwaitingUpload("upload credentials are issued");
        return ApiResults.Json(new CredentialsResponse(
            c.AccessKeyId, c.SecretAccessKey, c.SessionToken, c.Expiration, c.Bucket, c.KeyPrefix, c.Region, c.Endpoint));
    }

    /// <summary>GET /import/{uuid}/filesets: the records, with each one's progress as its orchestration reports it while processing.</summary>
    public async Task<IResult> FilesetsAsync(HttpRequest request, string uuid, IImportWorkflow workflow, CancellationToken ct)
    {
        var owner = keys.UserOf(request);
        var import = await records.RequireImportAsync(owner, uuid, ct);
        var filesets = await records.ListFilesetsAsync(import.Uuid, ct);
        if (import.Status == ImportStatus.Processing && await workflow.GetProgressAsync(import.Uuid, ct) is { } live)
        {
            filesets = [.. filesets.Select(f => f.Status == FilesetStatus.Processing && live.Filesets.TryGetValue(f.Uuid, out var done) ? f with { Progress = done } : f)];
        }

        var answer = new List<FilesetResponse>(filesets.Count);
        foreach (var fileset in filesets.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var images = await Task.WhenAll(fileset.ImageUuids.Select(id => records.GetImageAsync(owner, id, ct)));
            answer.Add(FilesetResponse.From(fileset, images.OfType<ImageRecord>(), image => links.UrlsFor(request, image)));
        }

        return ApiResults.Json(answer);
    }

    public async Task<IResult> OrchestrationAsync(HttpRequest request, string uuid, IImportWorkflow workflow, CancellationToken ct)
    {
        var import = await records.RequireImportAsync(keys.UserOf(request), uuid, ct);
        var status = await workflow.GetStatusAsync(import.Uuid, ct)
            ?? throw new ApiException(StatusCodes.Status404NotFound, "not_found", $"Import {import.Uuid} has no orchestration.");
        return ApiResults.Json(OrchestrationPayloads.Present(status), ApiJson.OrchestrationOptions);
    }
}
