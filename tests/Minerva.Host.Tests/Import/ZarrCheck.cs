using Amazon.S3;
using Amazon.S3.Model;
using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Import;

/// <summary>Reads an imported OME-Zarr back from S3 and compares it with its source TIFF in zarr-python and tifffile.</summary>
internal static class ZarrCheck
{
    /// <summary>Debian's Python has numpy, zarr and tifffile; a pyenv python3 on PATH may not.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Copies every object under <paramref name="prefix"/> into <paramref name="directory"/>, keys as relative paths.</summary>
    public static async Task<int> DownloadAsync(IAmazonS3 s3, string bucket, string prefix, string directory)
    {
        int count = 0;
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request);

            // Several at once: a pyramid of small chunks is hundreds of objects, each a round trip.
            await Parallel.ForEachAsync(page.S3Objects ?? [], new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (entry, ct) =>
            {
                string path = Path.Combine(directory, entry.Key[prefix.Length..]);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var response = await s3.GetObjectAsync(bucket, entry.Key, ct);
                await using var file = File.Create(path);
                await response.ResponseStream.CopyToAsync(file, ct);
                Interlocked.Increment(ref count);
            });
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
        return count;
    }

    /// <summary>
    /// Asserts that two downloaded zarr roots hold the same relative paths with the same bytes (the import and fileset
    /// uuids in their keys differ; nothing inside may); answers how many objects were compared.
    /// </summary>
    public static int AssertSameObjects(string expectedDirectory, string actualDirectory)
    {
        var expected = RelativeFiles(expectedDirectory);
        var actual = RelativeFiles(actualDirectory);
        Assert.Equal(expected, actual);
        foreach (string relative in expected)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(expectedDirectory, relative)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actualDirectory, relative))),
                $"{relative} differs between the two imports.");
        }

        return expected.Count;
    }

    /// <summary>Runs the comparison; returns its report (one line per level), or fails the test with the first difference.</summary>
    public static async Task<string> AssertMatchesTiffAsync(string zarrRoot, int series, string tiffPath)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Import", "zarr_matches_tiff.py");
        var (exitCode, output, errors) = await ProgramRun.RunAsync(Python, [script, zarrRoot, $"{series}", tiffPath]);
        Assert.True(exitCode == 0, $"zarr_matches_tiff.py: {output}{errors}");
        return output;
    }

    private static List<string> RelativeFiles(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f)).Order(StringComparer.Ordinal)];
}
