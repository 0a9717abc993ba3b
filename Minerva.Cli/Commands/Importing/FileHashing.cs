using Minerva.Cli.Output;
using Minerva.Cli.Upload;
using Spectre.Console;

namespace Minerva.Cli.Commands.Importing;

/// <summary>Hashes the files for the service's duplicate check, reusing hashes remembered for unchanged files.</summary>
internal static class FileHashing
{
    public static async Task<IReadOnlyList<LocalFile>> HashAsync(
        IReadOnlyList<string> paths, UploadStateStore state, IAnsiConsole status, CancellationToken ct)
    {
        var fingerprints = paths.Select(FileFingerprint.Of).ToList();
        var remembered = fingerprints.Select(state.Find).ToList();
        var files = new LocalFile[paths.Count];
        await ProgressDisplay.Bytes(status).StartAsync(async progress =>
        {
            for (var i = 0; i < paths.Count; i++)
            {
                var name = Path.GetFileName(paths[i]);
                var task = progress.AddTask(Markup.Escape($"hash {name}"), maxValue: Math.Max(1, fingerprints[i].Size));
                var hash = remembered[i]?.Sha256Base64;
                if (hash is null)
                {
                    hash = await FileHasher.Sha256Base64Async(fingerprints[i].FullPath, bytes => task.Increment(bytes), ct);
                    state.Save(fingerprints[i], new FileState(fingerprints[i].Size, fingerprints[i].ModifiedUtc, hash, null));
                }

                task.Value = task.MaxValue;
                files[i] = new LocalFile(name, fingerprints[i], hash);
            }
        });
        return files;
    }
}
