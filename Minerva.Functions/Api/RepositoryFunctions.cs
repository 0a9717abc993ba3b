using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Minerva.Service.Api;

namespace Minerva.Functions.Api;

/// <summary>Thin HTTP triggers over <see cref="RepositoryHandlers"/>.</summary>
public sealed class RepositoryFunctions(RepositoryHandlers handlers)
{
    [Function("CreateRepository")]
    public Task<IResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Repositories)] HttpRequest request, CancellationToken ct) =>
        handlers.CreateAsync(request, ct);

    [Function("ListRepositories")]
    public Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Repositories)] HttpRequest request, CancellationToken ct) =>
        handlers.ListAsync(request, ct);

    [Function("GetRepository")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Repository)] HttpRequest request, string uuid, CancellationToken ct) =>
        handlers.GetAsync(request, uuid, ct);
}
