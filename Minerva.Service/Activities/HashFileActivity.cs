using System.Security.Cryptography;
using Microsoft.DurableTask;
using Minerva.Service.Orchestration;
using Minerva.Service.Storage;
using Minerva.Tiling.IO;

namespace Minerva.Service.Activities;

/// <summary>
/// The SHA-256 (lowercase hex) of one uploaded file, read from S3: of the version being imported only. Read as ranges,
/// several in flight and digested in order: one S3 stream delivers a fraction of what SHA-256 digests, and a 200 GB
/// file read serially would outlast its pyramid's build once a few workers share that.
/// </summary>
public sealed class HashFileActivity(IObjectStore objects) : TaskActivity<FilesetRef, string>
{
    private const int RangeBytes = 4 << 20;
    private const int RangesInFlight = 4;

    public override async Task<string> RunAsync(TaskActivityContext context, FilesetRef input)
    {
        using var source = await objects.OpenAsync(input.SourceKey, input.SourceETag, input.Name);
        return await HashAsync(source);
    }

    public static async Task<string> HashAsync(IByteSource source, CancellationToken ct = default)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // A range's buffer is read into again once the range has been digested.
        var buffers = new LargeBuffer?[RangesInFlight];
        var reads = new Queue<(LargeBuffer Buffer, int Length, Task Read)>();
        try
        {
            long next = 0;
            for (int issued = 0; next < source.Length || reads.Count > 0;)
            {
                while (next < source.Length && reads.Count < RangesInFlight)
                {
                    int length = (int)Math.Min(RangeBytes, source.Length - next);
                    var buffer = buffers[issued++ % RangesInFlight] ??= LargeBuffers.Rent(RangeBytes);
                    reads.Enqueue((buffer, length, source.ReadExactlyAsync(next, buffer.Memory[..length], ct).AsTask()));
                    next += length;
                }

                var (done, doneLength, read) = reads.Dequeue();
                await read;
                sha.AppendData(done.Span[..doneLength]);
            }

            return Convert.ToHexStringLower(sha.GetHashAndReset());
        }
        finally
        {
            // After a failed read the others may still be writing into their buffers: they go back once done.
            await Task.WhenAll(reads.Select(r => r.Read)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            foreach (var buffer in buffers.OfType<LargeBuffer>())
            {
                LargeBuffers.Return(buffer);
            }
        }
    }
}
