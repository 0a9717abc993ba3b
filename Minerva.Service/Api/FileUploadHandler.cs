using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Minerva.Service.Api.Models;
using Minerva.Service.Orchestration;
using Minerva.Service.Records;
using Minerva.Service.Storage;

namespace Minerva.Service.Api;

/// <summary>
/// POST /import/{uuid}/files: multipart/form-data with, per file, a JSON part P {"id","hash"?,"type","format"?}
/// followed by its content part "P-file". Contents are streamed to imports/{uuid}/{id} while being hashed; a given
/// hash must match or nothing is kept; a file whose hash the repository already holds needs no content and is
/// recorded as a fileset linked to the images it already has. A request-level error (malformed part, more than
/// <see cref="MaxFiles"/> files) removes what this request stored.
/// </summary>
public sealed class FileUploadHandler(ApiKeys keys, IRecordStore records, IObjectStore objects, TimeProvider clock)
{
    public const int MaxFiles = 100;
    private const string ContentSuffix = "-file";
    private const int MaxMetadataBytes = 64 * 1024;

    public async Task<IResult> UploadAsync(HttpRequest request, string uuid, CancellationToken ct)
    {
        var owner = keys.UserOf(request);
        var import = await records.RequireImportAsync(owner, uuid, ct);
        import.RequireAwaitingUpload("files can be uploaded");
        var reader = new MultipartReader(Boundary(request), request.Body);

        // Files are as large as the images themselves; they are streamed to S3 part by part, never buffered whole.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var files = new List<PendingFile>();
        var stored = new List<string>();
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                var name = PartName(section);
                var owning = name.EndsWith(ContentSuffix, StringComparison.Ordinal)
                    ? files.Find(f => f.Part == name[..^ContentSuffix.Length])
                    : null;
                if (owning is not null)
                {
                    await ReceiveContentAsync(import, owning, section.Body, stored, ct);
                }
                else if (files.Count == MaxFiles)
                {
                    throw new ApiException(StatusCodes.Status413PayloadTooLarge, "too_many_files", $"At most {MaxFiles} files can be sent in one request.");
                }
                else
                {
                    files.Add(await ReceiveMetadataAsync(import, name, section.Body, files, ct));
                }
            }
        }
        catch (ApiException)
        {
            await Task.WhenAll(stored.Select(key => objects.DeleteAsync(key, CancellationToken.None)));
            throw;
        }

        await RecordLinkedAsync(import, files, ct);
        return ApiResults.Json(files.Select(f => f.Result ?? f.Missing()).ToArray());
    }

    private async Task<PendingFile> ReceiveMetadataAsync(ImportRecord import, string part, Stream body, List<PendingFile> files, CancellationToken ct)
    {
        var metadata = await ReadMetadataAsync(part, body, ct);
        var id = ApiRequests.Required(metadata.Id, $"{part}.id");
        ApiRequests.Required(metadata.Type, $"{part}.type");
        var file = new PendingFile(part, id, metadata.Hash, metadata.Hash is null ? null : Sha256Base64.ToHex(metadata.Hash, $"{part}.hash"));
        var key = UploadKeys.Relative(id);
        if (key is null)
        {
            file.Fail($"The id '{id}' is not a usable file path (empty, or it climbs out with '..').");
        }
        else if (files.Any(f => f.Key == key))
        {
            file.Fail($"The id '{id}' names the same file as another file of this request.");
        }
        else if (file.HashHex is not null && await records.FindImagesByHashAsync(import.RepositoryUuid, file.HashHex, ct) is { Count: > 0 } images)
        {
            file.Link(images);
        }

        file.Key = key;
        return file;
    }

    private async Task ReceiveContentAsync(ImportRecord import, PendingFile file, Stream body, List<string> stored, CancellationToken ct)
    {
        if (file.Result is not null)
        {
            // Failed, linked to existing images, or a repeated content part: the bytes are not needed.
            await body.CopyToAsync(Stream.Null, ct);
            return;
        }

        var key = ImportLayout.UploadPrefix(import.Uuid) + file.Key;
        using var sha256 = SHA256.Create();
        await using (var hashing = new CryptoStream(body, sha256, CryptoStreamMode.Read, leaveOpen: true))
        {
            await objects.PutAsync(key, hashing, ct);
        }

        var hex = Convert.ToHexStringLower(sha256.Hash!);
        if (file.HashHex is not null && file.HashHex != hex)
        {
            await objects.DeleteAsync(key, ct);
            file.Fail($"The content of '{file.Id}' has SHA-256 {Sha256Base64.FromBytes(sha256.Hash!)}, not the given {file.Hash}; it was not stored.");
            return;
        }

        stored.Add(key);
        file.Stored(key, Sha256Base64.FromBytes(sha256.Hash!));
    }

    /// <summary>A file answered by hash alone becomes a complete fileset pointing at the images the repository already has.</summary>
    private async Task RecordLinkedAsync(ImportRecord import, List<PendingFile> files, CancellationToken ct)
    {
        foreach (var file in files.Where(f => f.LinkedImages is not null))
        {
            await records.PutFilesetAsync(new FilesetRecord(
                Guid.NewGuid().ToString(), import.Uuid, import.Owner, file.Id, "", "linked", FilesetStatus.Complete, 1, null,
                file.HashHex, file.LinkedImages!, clock.GetUtcNow()), ct);
        }
    }

    private static async Task<FileMetadata> ReadMetadataAsync(string part, Stream body, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxMetadataBytes)
        {
            throw ApiException.BadRequest("invalid_part", $"The part '{part}' is larger than {MaxMetadataBytes} bytes; a file's JSON description is expected.");
        }

        try
        {
            return JsonSerializer.Deserialize<FileMetadata>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ApiJson.Options)
                ?? throw new JsonException("null");
        }
        catch (JsonException)
        {
            throw ApiException.BadRequest(
                "invalid_part",
                $"The part '{part}' is not a JSON file description {{\"id\",\"hash\"?,\"type\",\"format\"?}} (a content part must follow its description part).");
        }
    }

    private static string Boundary(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && HeaderUtilities.RemoveQuotes(type.Boundary) is { Length: > 0 } boundary
            ? boundary.ToString()
            : throw ApiException.BadRequest("not_multipart", "The body must be multipart/form-data with a boundary.");

    private static string PartName(MultipartSection section) =>
        ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
        && HeaderUtilities.RemoveQuotes(disposition.Name) is { Length: > 0 } name
            ? name.ToString()
            : throw ApiException.BadRequest("invalid_part", "A part of the multipart body has no Content-Disposition name.");

    /// <summary>One file of the request while its parts arrive.</summary>
    private sealed class PendingFile(string part, string id, string? hash, string? hashHex)
    {
        public string Part { get; } = part;

        public string Id { get; } = id;

        public string? Hash { get; } = hash;

        public string? HashHex { get; } = hashHex;

        public string? Key { get; set; }

        public IReadOnlyList<string>? LinkedImages { get; private set; }

        public FileUploadResult? Result { get; private set; }

        public void Fail(string error) => Result = new FileUploadResult(Id, null, Hash, [error]);

        public void Link(IReadOnlyList<string> images)
        {
            LinkedImages = images;
            Result = new FileUploadResult(Id, null, Hash, []);
        }

        public void Stored(string key, string hash) => Result = new FileUploadResult(Id, key, hash, []);

        public FileUploadResult Missing() => new(
            Id, null, Hash, [$"No content part '{Part}{ContentSuffix}' was sent, and the repository holds no image with this file's hash."]);
    }
}
