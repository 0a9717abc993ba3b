using System.Buffers;
using Amazon.S3;
using Amazon.S3.Model;
using Minerva.Tiling.IO;

namespace Minerva.Service.Storage;

/// <summary>Zarr keys as S3 objects under a prefix: one PutObject per chunk (chunks are small; no multipart).</summary>
internal sealed class S3ChunkStore(IAmazonS3 s3, string bucket, string prefix) : IChunkStore
{
    /// <summary>
    /// Requests in flight per region: enough to hide S3 latency behind encoding, few enough to keep buffers small
    /// (each holds an encoded chunk, 2.5 MB at 1024² uint16, and a raw one while encoding).
    /// </summary>
    public int Concurrency => 3;

    public async ValueTask WriteAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        using var body = MemoryStreams.OpenRead(data);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = prefix + key,
            InputStream = body,
            AutoCloseStream = false,

            // One SHA-256 of the body in the signature, not a signed aws-chunked stream: the S3 server then checks one
            // hash instead of a signature per 80 KB piece; a 512 MB import took 0.4 CPU-s less in RGW and 7 % less time.
            UseChunkEncoding = false,
        }, cancellationToken);
    }

    /// <summary>
    /// Reads into the caller's pooled buffer through a small array. The SDK checks a whole object's MD5 with a stream
    /// that has no <see cref="Memory{T}"/> read, so reading it straight into native memory makes <see cref="Stream"/>
    /// rent an array the size of the chunk: megabytes on the large-object heap per chunk, until a full collection.
    /// </summary>
    public async ValueTask<int?> TryReadIntoAsync(string key, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await s3.GetObjectAsync(bucket, prefix + key, cancellationToken);
            if (response.ContentLength > destination.Length)
            {
                throw new InvalidDataException($"Stored value '{key}' holds {response.ContentLength} bytes, more than the {destination.Length} expected at most.");
            }

            await ReadExactlyThroughArrayAsync(response.ResponseStream, destination[..(int)response.ContentLength], cancellationToken);
            return (int)response.ContentLength;
        }
        catch (AmazonS3Exception e) when (S3ObjectStore.IsAbsent(e))
        {
            return null;
        }
    }

    private static async ValueTask ReadExactlyThroughArrayAsync(Stream stream, Memory<byte> destination, CancellationToken cancellationToken)
    {
        // Below the large-object heap's 85,000 bytes.
        var block = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            for (int done = 0; done < destination.Length;)
            {
                int read = await stream.ReadAsync(block.AsMemory(0, Math.Min(block.Length, destination.Length - done)), cancellationToken);
                if (read == 0)
                {
                    throw new EndOfStreamException();
                }

                block.AsSpan(0, read).CopyTo(destination.Span[done..]);
                done += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    public async ValueTask<byte[]?> TryReadAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await s3.GetObjectAsync(bucket, prefix + key, cancellationToken);
            var bytes = new byte[response.ContentLength];
            await response.ResponseStream.ReadExactlyAsync(bytes, cancellationToken);
            return bytes;
        }
        catch (AmazonS3Exception e) when (S3ObjectStore.IsAbsent(e))
        {
            return null;
        }
    }
}
