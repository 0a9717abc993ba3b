using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Minerva.Service.Api;

namespace Minerva.Functions.Api;

/// <summary>POST/GET /repository, GET /repository/{uuid}.</summary>
public sealed class RepositoryFunctions(RepositoryHandlers handlers)
{
    [Function("CreateRepository")]
    public Task Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Repositories)] HttpRequest request, CancellationToken ct) =>
        HttpAdapter.RespondAsync(request, () => handlers.CreateAsync(request, ct));

    [Function("ListRepositories")]
    public Task List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Repositories)] HttpRequest request, CancellationToken ct) =>
        HttpAdapter.RespondAsync(request, () => handlers.ListAsync(request, ct));

    [Function("GetRepository")]
    public Task Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Repository)] HttpRequest request, string uuid, CancellationToken ct) =>
        HttpAdapter.RespondAsync(request, () => handlers.GetAsync(request, uuid, ct));
}
