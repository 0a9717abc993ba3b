using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Minerva.Service.Api.Models;
using Minerva.Service.Lifecycle;
using Minerva.Service.Orchestration;
using Minerva.Service.Records;
using Minerva.Service.Storage;

namespace Minerva.Service.Api;

/// <summary>
/// POST /import/{uuid}/files: multipart/form-data with, per file, a JSON part P {"id","hash"?,"type","format"?}
/// followed by its content part "P-file". Contents are streamed to imports/{uuid}/{id} while being hashed; a given
/// hash must match or nothing is kept; a file whose hash the repository already holds needs no content and is
/// recorded as a fileset linked to the images it already has. The request holds a <see cref="FileUploadLease"/>, so
/// the upload cannot be completed while it runs. A request that fails as a whole (a malformed or cut-off body, more
/// than <see cref="MaxFiles"/> files, the import cancelled meanwhile, a server fault) removes everything it stored.
/// </summary>
public sealed class FileUploadHandler(ApiKeys keys, IRecordStore records, IObjectStore objects, FilesetLifecycle filesets, TimeProvider clock)
{
    public const int MaxFiles = 100;
    private const string ContentSuffix = "-file";

    public async Task<IResult> UploadAsync(HttpRequest request, string uuid, CancellationToken ct)
    {
        var owner = keys.UserOf(request);
        var import = await records.RequireImportAsync(owner, uuid, ct);
        var reader = new MultipartReader(Boundary(request), request.Body);

        // Files are as large as the images themselves; they are streamed to S3 part by part, never buffered whole.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        await using var lease = await FileUploadLease.AcquireAsync(records, import, clock, ct);
        using var work = CancellationTokenSource.CreateLinkedTokenSource(ct, lease.Lost);
        var files = new List<PendingFile>();
        var stored = new List<string>();
        try
        {
            await ReceiveAsync(import, reader, files, stored, work.Token);
            await RecordLinkedAsync(import, files, work.Token);
            if (!await lease.ReleaseAsync())
            {
                throw Cancelled(import);
            }
        }
        catch (Exception e)
        {
            await Task.WhenAll(stored.Select(key => objects.DeleteAsync(key, CancellationToken.None)));
            if (e is IOException && !ct.IsCancellationRequested)
            {
                throw ApiException.BadRequest(
                    "invalid_multipart",
                    "The multipart body ended before its closing boundary: it is empty, not multipart/form-data, or was cut off. Nothing of this request was kept.");
            }

            if (e is OperationCanceledException && lease.Lost.IsCancellationRequested)
            {
                throw Cancelled(import);
            }

            throw;
        }

        return ApiResults.Json(files.Select(f => f.Result ?? f.Missing()).ToArray());
    }

    private static ApiException Cancelled(ImportRecord import) =>
        ApiException.Conflict($"Import {import.Uuid} stopped awaiting its upload (it was cancelled) while these files were sent; nothing of this request was kept.");

    private async Task ReceiveAsync(ImportRecord import, MultipartReader reader, List<PendingFile> files, List<string> stored, CancellationToken ct)
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

    private async Task<PendingFile> ReceiveMetadataAsync(ImportRecord import, string part, Stream body, List<PendingFile> files, CancellationToken ct)
    {
        var metadata = await ReadMetadataAsync(part, body, ct);
        var id = ApiRequests.Required(metadata.Id, $"{part}.id");
        ApiRequests.Required(metadata.Type, $"{part}.type");
        var file = new PendingFile(part, id, metadata.Hash, metadata.Hash is null ? null : Sha256Base64.ToHex(metadata.Hash, $"{part}.hash"));
        var key = id.Length > ApiLimits.FileIdLength ? null : UploadKeys.Relative(id);
        if (id.Length > ApiLimits.FileIdLength)
        {
            file.Fail($"The id has {id.Length} characters; at most {ApiLimits.FileIdLength} are accepted.");
        }
        else if (key is null)
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
        byte[] hash;
        await using (var hashing = new Sha256ReadStream(body))
        {
            // A put that fails midway leaves nothing: one PutObject or an aborted multipart upload.
            await objects.PutAsync(key, hashing, ct);
            hash = hashing.Hash();
        }

        var hex = Convert.ToHexStringLower(hash);
        if (file.HashHex is not null && file.HashHex != hex)
        {
            await objects.DeleteAsync(key, ct);
            file.Fail($"The content of '{file.Id}' has SHA-256 {Sha256Base64.FromBytes(hash)}, not the given {file.Hash}; it was not stored.");
            return;
        }

        stored.Add(key);
        file.Stored(key, Sha256Base64.FromBytes(hash));
    }

    /// <summary>A file answered by hash alone becomes a complete fileset pointing at the images the repository already has.</summary>
    private async Task RecordLinkedAsync(ImportRecord import, List<PendingFile> files, CancellationToken ct)
    {
        foreach (var file in files.Where(f => f.LinkedImages is not null))
        {
            await filesets.LinkedAtUploadAsync(import, file.Id, file.HashHex!, file.LinkedImages!, ct);
        }
    }

    /// <summary>A file's JSON description, read up to <see cref="ApiLimits.FileDescriptionBytes"/> and no further.</summary>
    private static async Task<FileMetadata> ReadMetadataAsync(string part, Stream body, CancellationToken ct)
    {
        var buffer = new byte[ApiLimits.FileDescriptionBytes + 1];
        var length = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        if (length > ApiLimits.FileDescriptionBytes)
        {
            throw ApiException.BadRequest(
                "invalid_part",
                $"The part '{ApiRequests.Quote(part)}' is larger than {ApiLimits.FileDescriptionBytes / 1024} KiB; a file's JSON description {{\"id\",\"hash\"?,\"type\",\"format\"?}} is expected (a content part must follow its description part).");
        }

        return JsonBody.Parse<FileMetadata>(buffer.AsMemory(0, length), $"The part '{ApiRequests.Quote(part)}'", "invalid_part");
    }

    private static string Boundary(HttpRequest request)
    {
        var boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            && HeaderUtilities.RemoveQuotes(type.Boundary) is { Length: > 0 } given
                ? given.ToString()
                : throw ApiException.BadRequest("not_multipart", "The body must be multipart/form-data with a boundary.");
        return boundary.Length <= ApiLimits.BoundaryLength
            ? boundary
            : throw ApiException.BadRequest(
                "invalid_multipart", $"The multipart boundary has {boundary.Length} characters; RFC 2046 allows at most {ApiLimits.BoundaryLength}.");
    }

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
