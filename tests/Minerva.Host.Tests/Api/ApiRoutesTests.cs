using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Api;

/// <summary>The standalone host serves exactly the API table of DESIGN.md (the Functions app's is checked from its metadata).</summary>
[Collection(LocalServices.Collection)]
public sealed class ApiRoutesTests(LocalServices services) : IAsyncLifetime
{
    private static readonly string[] ApiTable =
    [
        "DELETE durabletask/instances/{id}",
        "DELETE import/{uuid}",
        "DELETE runtime/webhooks/durabletask/instances/{id}",
        "GET durabletask/instances/{id}",
        "GET image/{uuid}",
        "GET image/{uuid}/zarr/{*path}",
        "GET import",
        "GET import/{uuid}",
        "GET import/{uuid}/credentials",
        "GET import/{uuid}/filesets",
        "GET import/{uuid}/orchestration",
        "GET repository",
        "GET repository/{uuid}",
        "GET runtime/webhooks/durabletask/instances/{id}",
        "GET shared/{uuid}/{token}/view",
        "GET shared/{uuid}/{token}/zarr/{*path}",
        "GET viewer/{*path}",
        "HEAD shared/{uuid}/{token}/zarr/{*path}",
        "OPTIONS shared/{uuid}/{token}/zarr/{*path}",
        "POST durabletask/instances/{id}/raiseEvent/{eventName}",
        "POST durabletask/instances/{id}/{operation}",
        "POST import",
        "POST import/check-images",
        "POST import/{uuid}/files",
        "POST repository",
        "POST runtime/webhooks/durabletask/instances/{id}/raiseEvent/{eventName}",
        "POST runtime/webhooks/durabletask/instances/{id}/{operation}",
        "PUT import/{uuid}",
    ];

    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(services);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Endpoints_Http_AreExactlyTheApiTable()
    {
        var endpoints = _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText}"));

        Assert.Equal(ApiTable, endpoints.Order(StringComparer.Ordinal));
    }
}
