using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Minerva.Service.Api;
using Minerva.Service.Records;
using Minerva.Testing.Services;
using Xunit.Abstractions;

namespace Minerva.Host.Tests.Api;

/// <summary>
/// What a careless or hostile client sends, on every route of the API table: malformed and oversized bodies, wrong
/// types, missing, extra and repeated fields, odd uuids, traversal in zarr paths, wrong states, too many files, a hash
/// that is not the content's, cut multipart bodies. Every answer must be the documented 4xx with the JSON error (no
/// 5xx, no .NET type name in it), and no rejected request may leave anything in the bucket or the records.
/// </summary>
[Collection(LocalServices.Collection)]
[Trait("Category", "EndToEnd")]
public sealed class BadInputSweepTests(LocalServices services, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Unknown = "00000000-0000-0000-0000-000000000000";
    private readonly List<string> _failures = [];
    private ApiHost _host = null!;
    private int _tried;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(services);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task EveryRoute_BadInput_DocumentedClientErrorAndNothingStored()
    {
        var (repository, import) = await _host.CreateImportAsync();
        var image = await _host.PutImageAsync(repository, [1, 2, 3]);
        var repositoriesBefore = await _host.Records.ListRepositoriesAsync(_host.AliceUser);

        await RepositoriesAsync();
        await ImportsAsync(repository);
        await CompletionAsync(import);
        await CheckImagesAsync();
        await FilesAsync(import);
        await WrongStatesAsync(repository);
        await ImagesAsync(image);
        await UnknownRoutesAsync(import, image);

        output.WriteLine($"{_tried} bad requests tried, {_failures.Count} answered otherwise than documented.");
        Assert.True(_failures.Count == 0, string.Join("\n", _failures));
        Assert.Equal(repositoriesBefore.Count, (await _host.Records.ListRepositoriesAsync(_host.AliceUser)).Count);
        Assert.Equal(3, (await _host.Records.ListImportsAsync(_host.AliceUser, null)).Count); // the sweep's own: this one, one completed, one cancelled
        Assert.Empty(await _host.Objects.ListAsync($"imports/{import}/"));
        Assert.Empty(await _host.Records.ListFilesetsAsync(import));
        Assert.Equal(ImportStatus.AwaitingUpload, (await _host.Records.GetImportAsync(_host.AliceUser, import))!.Status);
    }

    private async Task RepositoriesAsync()
    {
        foreach (var (body, status, code) in JsonBodies("""{"name":"r","raw_storage":"Live"}"""))
        {
            await ExpectAsync("POST", "/repository", body, status, code);
        }

        foreach (var (json, code) in new[]
        {
            ("""{"name":5,"raw_storage":"Live"}""", "invalid_json"),
            ("""{"name":["r"],"raw_storage":"Live"}""", "invalid_json"),
            ("""{"raw_storage":"Live"}""", "missing_field"),
            ("""{"name":"   ","raw_storage":"Live"}""", "missing_field"),
            ("""{"name":"r"}""", "invalid_field"),
            ("""{"name":"r","raw_storage":"Live","extra":1}""", "unknown_field"),
            ("""{"name":"a","name":"b","raw_storage":"Live"}""", "invalid_json"),
            ("""{"name":"a\u0000b","raw_storage":"Live"}""", "invalid_field"),
            ("""{"name":"r","raw_storage":"Destroy, Live"}""", "invalid_field"),
            ("""{"name":"r","raw_storage":"2"}""", "invalid_field"),
            ("""{"name":"r","raw_storage":""}""", "invalid_field"),
            ("""{"name":"r","raw_storage":2}""", "invalid_json"),
            ($$"""{"name":"{{new string('n', 40_000)}}","raw_storage":"Live"}""", "invalid_field"),
            ($$"""{"name":"{{new string('n', ApiLimits.NameLength + 1)}}","raw_storage":"Live"}""", "invalid_field"),
        })
        {
            await ExpectAsync("POST", "/repository", Json(json), HttpStatusCode.BadRequest, code);
        }

        await ExpectUuidRoutesAsync("GET", "/repository/{0}");
    }

    private async Task ImportsAsync(string repository)
    {
        foreach (var (body, status, code) in JsonBodies($$"""{"name":"i","repository_uuid":"{{repository}}"}"""))
        {
            await ExpectAsync("POST", "/import", body, status, code);
        }

        foreach (var (json, status, code) in new[]
        {
            ("""{"name":"i"}""", HttpStatusCode.BadRequest, "missing_field"),
            ($$"""{"repository_uuid":"{{repository}}"}""", HttpStatusCode.BadRequest, "missing_field"),
            ("""{"name":"i","repository_uuid":7}""", HttpStatusCode.BadRequest, "invalid_json"),
            ($$"""{"name":"i","repository_uuid":"{{repository}}","raw_storage":"Live"}""", HttpStatusCode.BadRequest, "unknown_field"),
            ($$"""{"name":"{{new string('n', 40_000)}}","repository_uuid":"{{repository}}"}""", HttpStatusCode.BadRequest, "invalid_field"),
            ("""{"name":"i","repository_uuid":"nope"}""", HttpStatusCode.UnprocessableEntity, "unknown_repository"),
            ($$"""{"name":"i","repository_uuid":"{{Unknown}}"}""", HttpStatusCode.UnprocessableEntity, "unknown_repository"),
        })
        {
            await ExpectAsync("POST", "/import", Json(json), status, code);
        }

        await ExpectAsync("GET", "/import?repository_uuid=nope", null, HttpStatusCode.BadRequest, "invalid_uuid");
        await ExpectAsync("GET", $"/import?repository_uuid={Unknown}", null, HttpStatusCode.NotFound, "not_found");
        foreach (var route in new[] { "/import/{0}", "/import/{0}/credentials", "/import/{0}/filesets", "/import/{0}/orchestration" })
        {
            await ExpectUuidRoutesAsync("GET", route);
        }

        await ExpectUuidRoutesAsync("DELETE", "/import/{0}");
        await ExpectUuidRoutesAsync("PUT", "/import/{0}", """{"complete":true}""");
        await ExpectUuidRoutesAsync("POST", "/import/{0}/files", null);
    }

    private async Task CompletionAsync(string import)
    {
        foreach (var (body, status, code) in JsonBodies("""{"complete":true}"""))
        {
            await ExpectAsync("PUT", $"/import/{import}", body, status, code);
        }

        foreach (var (json, code) in new[]
        {
            ("{}", "invalid_field"),
            ("""{"complete":false}""", "invalid_field"),
            ("""{"complete":"yes"}""", "invalid_json"),
            ("""{"complete":1}""", "invalid_json"),
            ("""{"complete":true,"on_conflict":"Ignore, Rename"}""", "invalid_field"),
            ("""{"complete":true,"on_conflict":"merge"}""", "invalid_field"),
            ("""{"complete":true,"on_conflict":1}""", "invalid_json"),
            ("""{"complete":true,"extra":1}""", "unknown_field"),
            ("""{"complete":true,"on_conflit":"rename"}""", "unknown_field"),
        })
        {
            await ExpectAsync("PUT", $"/import/{import}", Json(json), HttpStatusCode.BadRequest, code);
        }

        Assert.DoesNotContain(_host.Workflow.Calls, c => c.StartsWith($"complete {import}", StringComparison.Ordinal));
    }

    private async Task CheckImagesAsync()
    {
        foreach (var (body, status, code) in JsonBodies("[]"))
        {
            await ExpectAsync("POST", "/import/check-images", body, status, code);
        }

        var manyHashes = JsonSerializer.Serialize(Enumerable.Range(0, CheckImagesHandler.MaxHashes + 1).Select(i => Convert.ToBase64String(SHA256.HashData(BitConverter.GetBytes(i)))));
        foreach (var (json, status, code) in new[]
        {
            ("{}", HttpStatusCode.BadRequest, "invalid_json"),
            ("[1]", HttpStatusCode.BadRequest, "invalid_json"),
            ("[[]]", HttpStatusCode.BadRequest, "invalid_json"),
            ("[null]", HttpStatusCode.BadRequest, "invalid_hash"),
            ("""["not base64!"]""", HttpStatusCode.BadRequest, "invalid_hash"),
            ("""["AAAA"]""", HttpStatusCode.BadRequest, "invalid_hash"),
            (manyHashes, HttpStatusCode.RequestEntityTooLarge, "too_many_hashes"),
        })
        {
            await ExpectAsync("POST", "/import/check-images", Json(json), status, code);
        }
    }

    private async Task FilesAsync(string import)
    {
        var path = $"/import/{import}/files";
        var file = MultipartBody.File("p1", "a.tif", new byte[2000]);
        var whole = MultipartBody.Build(file);
        var twoFiles = MultipartBody.Build([.. file, .. MultipartBody.File("p2", "b.tif", new byte[2000])]);
        var longBoundary = new string('b', 5000);
        var rejected = new (string Name, HttpContent Body, HttpStatusCode Status, string Code)[]
        {
            ("empty body", MultipartBody.Content([]), HttpStatusCode.BadRequest, "invalid_multipart"),
            ("not multipart", MultipartBody.Content("hello world"u8.ToArray()), HttpStatusCode.BadRequest, "invalid_multipart"),
            ("JSON content type", Json("[]"), HttpStatusCode.BadRequest, "not_multipart"),
            ("no boundary", WithType(whole, "multipart/form-data"), HttpStatusCode.BadRequest, "not_multipart"),
            ("5000-character boundary", MultipartBody.Content(MultipartBody.Build(file, longBoundary), longBoundary), HttpStatusCode.BadRequest, "invalid_multipart"),
            ("71-character boundary", MultipartBody.Content(MultipartBody.Build(file, new string('b', 71)), new string('b', 71)), HttpStatusCode.BadRequest, "invalid_multipart"),
            ("cut inside the first part", MultipartBody.Content(whole[..(whole.Length / 2)]), HttpStatusCode.BadRequest, "invalid_multipart"),
            ("cut inside the second part", MultipartBody.Content(twoFiles[..(twoFiles.Length - 1000)]), HttpStatusCode.BadRequest, "invalid_multipart"),
            ("no closing boundary", MultipartBody.Content(twoFiles[..^("--" + MultipartBody.Boundary + "--\r\n").Length]), HttpStatusCode.BadRequest, "invalid_multipart"),
            ("101 files", MultipartBody.Content(MultipartBody.Build(Enumerable.Range(0, FileUploadHandler.MaxFiles + 1).SelectMany(i => MultipartBody.File($"p{i}", $"f{i}.tif", [(byte)i])))), HttpStatusCode.RequestEntityTooLarge, "too_many_files"),
            ("description not JSON", Parts(("p1", "{not json"u8.ToArray())), HttpStatusCode.BadRequest, "invalid_part"),
            ("description an array", Parts(("p1", "[]"u8.ToArray())), HttpStatusCode.BadRequest, "invalid_part"),
            ("description id a number", Parts(("p1", """{"id":5,"type":"image"}"""u8.ToArray())), HttpStatusCode.BadRequest, "invalid_part"),
            ("description extra field", Parts(("p1", """{"id":"a","type":"image","size":5}"""u8.ToArray())), HttpStatusCode.BadRequest, "unknown_field"),
            ("description without id", Parts(("p1", """{"type":"image"}"""u8.ToArray())), HttpStatusCode.BadRequest, "missing_field"),
            ("description without type", Parts(("p1", """{"id":"a"}"""u8.ToArray())), HttpStatusCode.BadRequest, "missing_field"),
            ("description hash not base64", Parts(("p1", """{"id":"a","type":"image","hash":"???"}"""u8.ToArray())), HttpStatusCode.BadRequest, "invalid_hash"),
            ("description over 64 KiB", Parts(("p1", Encoding.UTF8.GetBytes($$"""{"id":"{{new string('i', 70_000)}}","type":"image"}"""))), HttpStatusCode.BadRequest, "invalid_part"),
            ("part without a name", MultipartBody.Content(Encoding.ASCII.GetBytes($"--{MultipartBody.Boundary}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--{MultipartBody.Boundary}--\r\n")), HttpStatusCode.BadRequest, "invalid_part"),
            ("part without headers", MultipartBody.Content(Encoding.ASCII.GetBytes($"--{MultipartBody.Boundary}\r\n\r\nx\r\n--{MultipartBody.Boundary}--\r\n")), HttpStatusCode.BadRequest, "invalid_part"),
        };
        foreach (var (name, body, status, code) in rejected)
        {
            await ExpectAsync("POST", path, body, status, code, name);
            await ExpectNothingStoredAsync(import, name);
        }

        // Refused file by file, in a 200 answer (the documented per-file "errors"): nothing of them is stored either.
        var content = new byte[3000];
        var perFile = new (string Name, (string, byte[])[] Parts)[]
        {
            ("hash is not the content's", [("p1", Encoding.UTF8.GetBytes($$"""{"id":"a.tif","type":"image","hash":"{{Convert.ToBase64String(SHA256.HashData([9]))}}"}""")), ("p1-file", content)]),
            ("id climbing out", MultipartBody.File("p1", "../../escape.tif", content)),
            ("id too long", MultipartBody.File("p1", new string('i', ApiLimits.FileIdLength + 1), content)),
            ("no content and hash not held", [("p1", """{"id":"a.tif","type":"image"}"""u8.ToArray())]),
        };
        foreach (var (name, parts) in perFile)
        {
            _tried++;
            using var response = await _host.Alice.PostAsync(path, MultipartBody.Content(MultipartBody.Build(parts)));
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || JsonDocument.Parse(text).RootElement[0].GetProperty("errors").GetArrayLength() != 1)
            {
                _failures.Add($"POST files ({name}): expected 200 with one error for the file, got {(int)response.StatusCode} {text}");
            }

            await ExpectNothingStoredAsync(import, name);
        }

        Assert.Empty(await _host.Records.ListFilesetsAsync(import));
    }

    private async Task WrongStatesAsync(string repository)
    {
        var completed = await NewImportAsync(repository);
        Assert.Equal(HttpStatusCode.Accepted, (await _host.Alice.PutAsync($"/import/{completed}", Json("""{"complete":true}"""))).StatusCode);
        await ExpectAsync("PUT", $"/import/{completed}", Json("""{"complete":true}"""), HttpStatusCode.Conflict, "wrong_state");
        await ExpectAsync("GET", $"/import/{completed}/credentials", null, HttpStatusCode.Conflict, "wrong_state");
        await ExpectAsync("POST", $"/import/{completed}/files", MultipartBody.Content(MultipartBody.Build(MultipartBody.File("p1", "a.tif", [1]))), HttpStatusCode.Conflict, "wrong_state");

        var cancelled = await NewImportAsync(repository);
        Assert.Equal(HttpStatusCode.Accepted, (await _host.Alice.DeleteAsync($"/import/{cancelled}")).StatusCode);
        await ExpectAsync("DELETE", $"/import/{cancelled}", null, HttpStatusCode.Conflict, "wrong_state");
        await ExpectAsync("PUT", $"/import/{cancelled}", Json("""{"complete":true}"""), HttpStatusCode.Conflict, "wrong_state");
        await ExpectAsync("GET", $"/import/{cancelled}/credentials", null, HttpStatusCode.Conflict, "wrong_state");
        await ExpectAsync("POST", $"/import/{cancelled}/files", MultipartBody.Content(MultipartBody.Build(MultipartBody.File("p1", "a.tif", [1]))), HttpStatusCode.Conflict, "wrong_state");
        Assert.Empty(await _host.Objects.ListAsync($"imports/{completed}/"));
        Assert.Empty(await _host.Objects.ListAsync($"imports/{cancelled}/"));
    }

    private async Task ImagesAsync(ImageRecord image)
    {
        var zarr = $"/image/{image.Uuid}/zarr/";

        // What a path climbing out of the image would reach, were it resolved: the zarr root's attributes.
        await _host.Objects.ChunkStore(image.Location[..(image.Location.LastIndexOf('/') + 1)]).WriteAsync(".zattrs", "{}"u8.ToArray());
        await ExpectAsync("GET", zarr + "../.zattrs", null, HttpStatusCode.NotFound, "no_route");
        await ExpectAsync("GET", zarr + "%2e%2e/.zattrs", null, HttpStatusCode.NotFound, "no_route");
        await ExpectAsync("GET", zarr + "%2e%2e/%2e%2e/%2e%2e/imports/x", null, HttpStatusCode.NotFound, "no_route");
        await ExpectAsync("GET", zarr + "0/..%2f..%2f.zattrs", null, HttpStatusCode.NotFound, "not_found"); // a literal key, not a way up
        await ExpectAsync("GET", zarr + "..%2f.zattrs", null, HttpStatusCode.NotFound, "not_found");
        await ExpectAsync("GET", zarr + "a//b", null, HttpStatusCode.BadRequest, "invalid_path");
        await ExpectAsync("GET", zarr + new string('p', 2000), null, HttpStatusCode.BadRequest, "invalid_path");
        await ExpectAsync("GET", zarr + new string('p', ApiLimits.ZarrPathLength + 1), null, HttpStatusCode.BadRequest, "invalid_path");
        await ExpectAsync("GET", zarr + "0/0/0/0/9/9", null, HttpStatusCode.NotFound, "not_found");
        await ExpectAsync("GET", zarr + ".zattrs", null, HttpStatusCode.RequestedRangeNotSatisfiable, "range_not_satisfiable", range: "bytes=100000-");
        await ExpectUuidRoutesAsync("GET", "/image/{0}");
        await ExpectUuidRoutesAsync("GET", "/image/{0}/zarr/.zattrs");
    }

    private async Task UnknownRoutesAsync(string import, ImageRecord image)
    {
        foreach (var (method, path) in new[]
        {
            ("GET", "/favicon.ico"), ("GET", "/robots.txt"), ("GET", "/"), ("GET", "/index.html"), ("GET", "/.env"),
            ("DELETE", "/repository"), ("PATCH", $"/import/{import}"), ("GET", $"/import/{import}/nothing"), ("POST", $"/image/{image.Uuid}"),
        })
        {
            await ExpectAsync(method, path, null, HttpStatusCode.NotFound, "no_route");
        }
    }

    /// <summary>The same malformed JSON bodies for every JSON route: empty, not JSON, another shape, too large.</summary>
    private static IEnumerable<(HttpContent Body, HttpStatusCode Status, string Code)> JsonBodies(string valid) =>
    [
        (Json(""), HttpStatusCode.BadRequest, "invalid_json"),
        (Json("null"), HttpStatusCode.BadRequest, "invalid_json"),
        (Json(valid.StartsWith('[') ? "{}" : "[]"), HttpStatusCode.BadRequest, "invalid_json"),
        (Json("\"text\""), HttpStatusCode.BadRequest, "invalid_json"),
        (Json(valid[..^1]), HttpStatusCode.BadRequest, "invalid_json"),
        (Json("not json at all"), HttpStatusCode.BadRequest, "invalid_json"),
        (new ByteArrayContent([0xFF, 0xFE, 0x7B]), HttpStatusCode.BadRequest, "invalid_json"),
        (Json($$"""{"name":"{{new string('n', 20 << 20)}}"}"""), HttpStatusCode.RequestEntityTooLarge, "too_large"),
        (Json(new string(' ', ApiLimits.JsonBodyBytes) + valid), HttpStatusCode.RequestEntityTooLarge, "too_large"),
    ];

    /// <summary>A uuid route with a malformed, a very long and an unknown uuid.</summary>
    private async Task ExpectUuidRoutesAsync(string method, string template, string? json = null)
    {
        foreach (var (uuid, status, code) in new[]
        {
            ("not-a-uuid", HttpStatusCode.BadRequest, "invalid_uuid"),
            (new string('a', 5000), HttpStatusCode.BadRequest, "invalid_uuid"),
            ("%7B" + Unknown + "%7D", HttpStatusCode.BadRequest, "invalid_uuid"),
            (Unknown, HttpStatusCode.NotFound, "not_found"),
        })
        {
            await ExpectAsync(method, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, uuid), json is null ? null : Json(json), status, code);
        }
    }

    private async Task ExpectAsync(string method, string path, HttpContent? body, HttpStatusCode status, string code, string? name = null, string? range = null)
    {
        _tried++;
        var what = $"{method} {(path.Length > 100 ? path[..100] + "…" : path)}{(name is null ? "" : $" ({name})")}";
        using var request = new HttpRequestMessage(
            new HttpMethod(method),
            new Uri(_host.BaseAddress + path.TrimStart('/'), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }))
        {
            Content = body,
        };
        if (range is not null)
        {
            request.Headers.Range = RangeHeaderValue.Parse(range);
        }

        using var response = await _host.Alice.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != status)
        {
            _failures.Add($"{what}: expected {(int)status} {code}, got {(int)response.StatusCode} {Short(text)}");
            return;
        }

        try
        {
            var error = JsonDocument.Parse(text).RootElement;
            var detail = error.GetProperty("detail").GetString() ?? "";
            if (response.Content.Headers.ContentType?.MediaType != "application/json" || error.GetProperty("error").GetString() != code
                || detail.Length == 0 || detail.Contains("Minerva.", StringComparison.Ordinal) || detail.Contains("System.", StringComparison.Ordinal))
            {
                _failures.Add($"{what}: expected {code} with a plain detail, got {Short(text)}");
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            _failures.Add($"{what}: the body is not the JSON error: {Short(text)}");
        }
    }

    private async Task ExpectNothingStoredAsync(string import, string name)
    {
        if (await _host.Objects.ListAsync($"imports/{import}/") is { Count: > 0 } left)
        {
            _failures.Add($"POST files ({name}) left {string.Join(", ", left.Select(o => o.Key))}");
            foreach (var o in left)
            {
                await _host.Objects.DeleteAsync(o.Key);
            }
        }
    }

    private async Task<string> NewImportAsync(string repository) =>
        (await ApiHost.ReadJsonAsync(await _host.Alice.PostAsync("/import", Json($$"""{"name":"i","repository_uuid":"{{repository}}"}""")))).GetProperty("uuid").GetString()!;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static ByteArrayContent Parts(params (string Name, byte[] Content)[] parts) => MultipartBody.Content(MultipartBody.Build(parts));

    private static ByteArrayContent WithType(byte[] body, string type)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", type);
        return content;
    }

    private static string Short(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
