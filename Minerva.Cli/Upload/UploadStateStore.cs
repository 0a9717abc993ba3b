using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Minerva.Cli.Upload;

/// <summary>
/// The resume state (<c>uploads.json</c>): per file path, its hash and its unfinished multipart upload, so a second
/// <c>minerva import</c> after an interruption continues the same import from the parts S3 already holds.
/// The state is only an optimisation: an unreadable file is treated as empty and rewritten.
/// </summary>
internal sealed class UploadStateStore
{
    public const string FileName = "uploads.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // A local file people may read: base64 hashes keep their '+' instead of "\u002B".
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly string path;
    private readonly Dictionary<string, FileState> files;
    private readonly Lock gate = new();

    private UploadStateStore(string path, Dictionary<string, FileState> files)
    {
        this.path = path;
        this.files = files;
    }

    public static UploadStateStore Open(string directory)
    {
        var path = Path.Combine(directory, FileName);
        return new UploadStateStore(path, Read(path));
    }

    /// <summary>The remembered state of the file, unless the file changed since (other size or modification time).</summary>
    public FileState? Find(FileFingerprint file)
    {
        lock (gate)
        {
            return files.TryGetValue(file.FullPath, out var state) && state.Size == file.Size && state.ModifiedUtc == file.ModifiedUtc
                ? state
                : null;
        }
    }

    public void Save(FileFingerprint file, FileState state)
    {
        lock (gate)
        {
            files[file.FullPath] = state;
            Write();
        }
    }

    private static Dictionary<string, FileState> Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<Dictionary<string, FileState>>(stream, Json) ?? [];
        }
        catch (Exception exception) when (exception is IOException or JsonException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Written to a temporary file and renamed over, so an interruption never leaves half a state file.</summary>
    private void Write()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(files, Json));
        File.Move(temporary, path, overwrite: true);
    }
}
