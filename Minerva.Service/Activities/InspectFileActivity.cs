using Microsoft.DurableTask;
using Minerva.Service.Lifecycle;
using Minerva.Service.Orchestration;
using Minerva.Service.Records;
using Minerva.Service.Storage;
using Minerva.Tiling;
using Minerva.Tiling.Model;

namespace Minerva.Service.Activities;

/// <summary>
/// Reads one uploaded file's image metadata with the engine (by range reads) and settles what happens to it:
/// failed with the reader's one-sentence error, linked to the repository's images with the hash the uploader
/// declared (or, with on_conflict ignore, with the same names), or to be built. Records the fileset.
/// </summary>
public sealed class InspectFileActivity(IObjectStore objects, SourceImages sources, FilesetLifecycle filesets) : TaskActivity<InspectRequest, FileInspection>
{
    /// <summary>The user-metadata name under which uploaders may declare a file's SHA-256.</summary>
    public const string DeclaredHashMetadata = "sha256";

    public override async Task<FileInspection> RunAsync(TaskActivityContext context, InspectRequest input)
    {
        var (import, fileset) = (input.Import, input.Fileset);
        string? declared;
        try
        {
            declared = await DeclaredSha256Async(fileset);
        }
        catch (FormatException e)
        {
            await filesets.FailAsync(import, fileset, e.Message, null);
            return new FileInspection([], null, [], e.Message);
        }

        if (declared is not null && await filesets.ImagesWithHashAsync(import, declared) is { Count: > 0 } sameContent)
        {
            var uuids = sameContent.Select(i => i.Uuid).ToList();
            await filesets.LinkAsync(import, fileset, FilesetLifecycle.Linked, declared, uuids);
            return new FileInspection([], declared, uuids, null);
        }

        ImageInfo info;
        try
        {
            info = (await sources.GetAsync(fileset)).Info;
        }
        catch (InvalidImageException e)
        {
            await filesets.FailAsync(import, fileset, e.Message, declared);
            return new FileInspection([], declared, [], e.Message);
        }

        string reader = SourceImages.ReaderName(info);
        if (input.OnConflict == OnConflict.Ignore && await filesets.ImagesNamedAsync(import, fileset.Name, info.Series) is { Count: > 0 } sameName)
        {
            var uuids = sameName.Select(i => i.Uuid).ToList();
            await filesets.LinkAsync(import, fileset, reader, declared, uuids);
            return new FileInspection([], declared, uuids, null);
        }

        await filesets.InspectedAsync(import, fileset, reader);
        return new FileInspection(info.Series, declared, [], null);
    }

    /// <summary>
    /// The SHA-256 the uploader declared in the object's metadata (x-amz-meta-sha256, base64 as everywhere in the API),
    /// as lowercase hex; null when none was declared. The build verifies it against the content.
    /// </summary>
    private async Task<string?> DeclaredSha256Async(FilesetRef fileset)
    {
        if (await objects.MetadataAsync(fileset.SourceKey, DeclaredHashMetadata) is not { } value)
        {
            return null;
        }

        Span<byte> hash = stackalloc byte[32];
        return Convert.TryFromBase64String(value, hash, out int written) && written == hash.Length
            ? Convert.ToHexStringLower(hash)
            : throw new FormatException($"{fileset.Name}: its declared SHA-256 '{value}' (x-amz-meta-{DeclaredHashMetadata}) is not a base64-encoded SHA-256 hash.");
    }
}
