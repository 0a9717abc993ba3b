using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Minerva.Testing.Tiff;
using Minerva.Tiling.Model;

namespace Minerva.Testing.Conformance;

/// <summary>
/// One import taken through the API to its end, the way a client of the seed API does it: hash check, multipart
/// upload through POST /import/{uuid}/files, PUT complete, then the Durable status query followed until it answers
/// 200. Every answer is kept for the tests that read it.
/// </summary>
public sealed record CompletedImport(
    string Repository,
    string Import,
    string FileName,
    string Hash,
    ApiAnswer Created,
    ApiAnswer MissingBefore,
    ApiAnswer Files,
    ApiAnswer Completed,
    IReadOnlyList<HttpStatusCode> Polls,
    ApiAnswer FinalStatus,
    ApiAnswer MissingAfter)
{
    public const string FileName1 = "sample.ome.tif";

    /// <summary>Long enough for a small import on a loaded 2-core machine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static async Task<CompletedImport> RunAsync(ApiUser alice)
    {
        var bytes = SampleOmeTiff();
        var hash = Convert.ToBase64String(SHA256.HashData(bytes));
        var repository = (await alice.PostJsonAsync("/repository", new { name = "conformance", raw_storage = "Live" })).Expect(HttpStatusCode.Created).Json.GetProperty("uuid").GetString()!;
        var created = (await alice.PostJsonAsync("/import", new { name = "conformance import", repository_uuid = repository })).Expect(HttpStatusCode.Created);
        var import = created.Json.GetProperty("uuid").GetString()!;

        var missingBefore = await alice.PostJsonAsync("/import/check-images", new[] { hash });
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent($$"""{"id":"{{FileName1}}","hash":"{{hash}}","type":"image","format":"ome-tiff"}"""), "f1");
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/tiff");
        form.Add(content, "f1-file", FileName1);
        var files = await alice.SendAsync(HttpMethod.Post, $"/import/{import}/files", form);

        var completed = await alice.PutJsonAsync($"/import/{import}", new { complete = true });
        var (polls, final) = await FollowAsync(alice, completed.Json.GetProperty("statusQueryGetUri").GetString()!);
        var missingAfter = await alice.PostJsonAsync("/import/check-images", new[] { hash });
        return new CompletedImport(repository, import, FileName1, hash, created, missingBefore, files, completed, polls, final, missingAfter);
    }

    /// <summary>Polls a status query as a Durable client does, until it answers anything but 202.</summary>
    public static async Task<(IReadOnlyList<HttpStatusCode> Polls, ApiAnswer Final)> FollowAsync(ApiUser user, string statusQueryGetUri)
    {
        var polls = new List<HttpStatusCode>();
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var answer = await user.GetAsync(statusQueryGetUri);
            polls.Add(answer.Status);
            if (answer.Status != HttpStatusCode.Accepted)
            {
                return (polls, answer);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{statusQueryGetUri} still answered 202 after {Timeout}: {answer.Text}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>A 2-channel uint16 OME-TIFF of 300×200 (LibTiff.NET), three levels with 128-pixel chunks.</summary>
    private static byte[] SampleOmeTiff()
    {
        var path = Path.Combine(Path.GetTempPath(), $"conformance-{Guid.NewGuid():N}.ome.tif");
        try
        {
            TestTiff.Write(path, new TestTiffSpec
            {
                Width = 300,
                Height = 200,
                SizeC = 2,
                PixelType = PixelType.UInt16,
                TileSize = 64,
                Ome = new TestOme { ChannelNames = ["DAPI", "CD45"] },
            });
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
