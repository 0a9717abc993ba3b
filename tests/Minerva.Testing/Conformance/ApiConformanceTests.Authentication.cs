using System.Net;
using Xunit;

namespace Minerva.Testing.Conformance;

public abstract partial class ApiConformanceTests
{
    /// <summary>Every route of the API table, with a uuid where one is needed.</summary>
    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/repository" },
        { "POST", "/repository" },
        { "GET", "/repository/123e4567-e89b-12d3-a456-426614174000" },
        { "POST", "/import" },
        { "GET", "/import" },
        { "GET", "/import/123e4567-e89b-12d3-a456-426614174000" },
        { "PUT", "/import/123e4567-e89b-12d3-a456-426614174000" },
        { "DELETE", "/import/123e4567-e89b-12d3-a456-426614174000" },
        { "GET", "/import/123e4567-e89b-12d3-a456-426614174000/credentials" },
        { "GET", "/import/123e4567-e89b-12d3-a456-426614174000/filesets" },
        { "GET", "/import/123e4567-e89b-12d3-a456-426614174000/orchestration" },
        { "POST", "/import/123e4567-e89b-12d3-a456-426614174000/files" },
        { "POST", "/import/check-images" },
        { "GET", "/image/123e4567-e89b-12d3-a456-426614174000" },
        { "GET", "/image/123e4567-e89b-12d3-a456-426614174000/zarr/.zattrs" },
        { "GET", "/durabletask/instances/123e4567-e89b-12d3-a456-426614174000" },
        { "DELETE", "/durabletask/instances/123e4567-e89b-12d3-a456-426614174000" },
        { "POST", "/durabletask/instances/123e4567-e89b-12d3-a456-426614174000/raiseEvent/UploadComplete" },
        { "POST", "/durabletask/instances/123e4567-e89b-12d3-a456-426614174000/terminate" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AnyRoute_NoApiKey_Is401(string method, string path)
    {
        var answer = await Anonymous.SendAsync(new HttpMethod(method), path, new StringContent("{}"));

        answer.ExpectError(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AnyRoute_UnknownApiKey_Is401(string method, string path)
    {
        using var stranger = new ApiUser(_host, "not-a-key");

        (await stranger.SendAsync(new HttpMethod(method), path, new StringContent("{}"))).ExpectError(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
