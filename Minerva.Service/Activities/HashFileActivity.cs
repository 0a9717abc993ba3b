using System.Security.Cryptography;
using Microsoft.DurableTask;
using Minerva.Service.Orchestration;
using Minerva.Service.Storage;

namespace Minerva.Service.Activities;

/// <summary>The SHA-256 (lowercase hex) of one uploaded file, streamed from S3: of the version being imported only.</summary>
public sealed class HashFileActivity(IObjectStore objects) : TaskActivity<FilesetRef, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, FilesetRef input)
    {
        await using var stream = await objects.GetAsync(input.SourceKey, etag: input.SourceETag)
            ?? throw new InvalidOperationException($"Uploaded file {input.SourceKey} disappeared before it was hashed.");
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream.Content));
    }
}
