using Microsoft.AspNetCore.Http;
using Minerva.Service.Api.Models;
using Minerva.Service.Records;
using Minerva.Service.Storage;

namespace Minerva.Service.Api;

/// <summary>POST /repository, GET /repository, GET /repository/{uuid}.</summary>
public sealed class RepositoryHandlers(ApiKeys keys, IRecordStore records, TimeProvider clock)
{
    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken ct)
    {
        var owner = keys.UserOf(request);
        var body = await ApiRequests.ReadJsonAsync<CreateRepositoryRequest>(request, ct);
        var repository = new RepositoryRecord(
            Guid.NewGuid().ToString(),
            owner,
            ApiRequests.Name(body.Name, "name"),
            ApiRequests.Enum<RawStorage>(body.RawStorage, "raw_storage"),
            clock.GetUtcNow());
        await records.CreateRepositoryAsync(repository, ct);
        return ApiResults.Json(RepositoryResponse.From(repository), StatusCodes.Status201Created, $"/repository/{repository.Uuid}");
    }

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken ct)
    {
        var owner = keys.UserOf(request);
        var repositories = await records.ListRepositoriesAsync(owner, ct);
        return ApiResults.Json(repositories.OrderBy(r => r.Created).Select(RepositoryResponse.From).ToArray());
    }

    public async Task<IResult> GetAsync(HttpRequest request, string uuid, CancellationToken ct)
    {
        var owner = keys.UserOf(request);
        var id = ApiRequests.Uuid(uuid);
        var repository = await records.GetRepositoryAsync(owner, id, ct) ?? throw ApiException.NotFound("repository", id);
        return ApiResults.Json(RepositoryResponse.From(repository));
    }
}
