using System.Text.Json;

namespace Minerva.Functions.Tests.Api;

/// <summary>
/// Core Tools cannot run here, so the Functions app's HTTP surface is proven by the metadata its build generates
/// (what the Functions host reads to create triggers): every API route, its method, and a durable client where
/// the handler drives the orchestration.
/// </summary>
public sealed class FunctionsMetadataTests
{
    /// <summary>The API table of DESIGN.md: (method, route, needs the durable client).</summary>
    public static TheoryData<string, string, bool> Routes => new()
    {
        { "post", "repository", false },
        { "get", "repository", false },
        { "get", "repository/{uuid}", false },
        { "post", "import", true },
        { "get", "import/{uuid}", false },
        { "put", "import/{uuid}", true },
        { "delete", "import/{uuid}", true },
        { "get", "import/{uuid}/orchestration", true },
        { "get", "import/{uuid}/credentials", false },
        { "get", "import/{uuid}/filesets", false },
        { "post", "import/{uuid}/files", false },
        { "post", "import/check-images", false },
        { "get", "image/{uuid}", false },
        { "get", "image/{uuid}/zarr/{*path}", false },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void FunctionsMetadata_ApiRoute_HasAnonymousHttpTrigger(string method, string route, bool durableClient)
    {
        var function = Assert.Single(HttpFunctions(), f => f.Route == route && f.Methods.Contains(method));

        Assert.Equal("anonymous", function.AuthLevel);
        Assert.Equal(durableClient, function.Bindings.Contains("durableClient"));
    }

    [Fact]
    public void FunctionsMetadata_HttpTriggers_AreExactlyTheApiRoutes()
    {
        var declared = Routes.Select(r => $"{r[0]} {r[1]}").Order(StringComparer.Ordinal);

        var generated = HttpFunctions().SelectMany(f => f.Methods.Select(m => $"{m} {f.Route}")).Order(StringComparer.Ordinal);

        Assert.Equal(declared, generated);
    }

    private sealed record HttpFunction(string Name, string Route, string[] Methods, string AuthLevel, string[] Bindings);

    private static IEnumerable<HttpFunction> HttpFunctions()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        using var metadata = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var function in metadata.RootElement.EnumerateArray())
        {
            var bindings = function.GetProperty("bindings").EnumerateArray().ToArray();
            var trigger = bindings.FirstOrDefault(b => b.GetProperty("type").GetString() == "httpTrigger");
            if (trigger.ValueKind == JsonValueKind.Undefined)
            {
                continue;
            }

            yield return new HttpFunction(
                function.GetProperty("name").GetString()!,
                trigger.GetProperty("route").GetString()!,
                [.. trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant())],
                trigger.GetProperty("authLevel").GetString()!.ToLowerInvariant(),
                [.. bindings.Select(b => b.GetProperty("type").GetString()!)]);
        }
    }
}
