using System.Buffers;
using System.Security.Cryptography;

namespace Minerva.Cli.Upload;

/// <summary>SHA-256 of a file as the API's hash check wants it: base64 of the 32 digest bytes.</summary>
internal static class FileHasher
{
    private const int BufferSize = 4 * 1024 * 1024;

    /// <summary>Streams the file once through a pooled buffer; <paramref name="progress"/> gets each block's byte count.</summary>
    public static async Task<string> Sha256Base64Async(string path, Action<long> progress, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, BufferSize), ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                progress(read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToBase64String(hash.GetHashAndReset());
    }
}
