using Minerva.Cli.Tests.Support;
using Minerva.Cli.Upload;

namespace Minerva.Cli.Tests.Upload;

public sealed class UploadStateStoreTests : IDisposable
{
    private static readonly PendingUpload Upload = new("import-1", "repo-1", "imports/import-1/a.tif", "upload-1", 16 * 1024 * 1024, Uploaded: false);

    private readonly TempDirectory directory = new();

    [Fact]
    public void Save_ThenOpenAgain_StateIsFoundForTheUnchangedFile()
    {
        var file = FileFingerprint.Of(directory.File("a.tif", [1, 2, 3]));
        var state = new FileState(file.Size, file.ModifiedUtc, "hash", Upload);

        UploadStateStore.Open(directory.Path).Save(file, state);

        Assert.Equal(state, UploadStateStore.Open(directory.Path).Find(file));
        Assert.False(File.Exists(Path.Combine(directory.Path, UploadStateStore.FileName + ".tmp")));
    }

    [Fact]
    public void Find_FileRewrittenWithOtherSize_NoState()
    {
        var path = directory.File("a.tif", [1, 2, 3]);
        var before = FileFingerprint.Of(path);
        UploadStateStore.Open(directory.Path).Save(before, new FileState(before.Size, before.ModifiedUtc, "hash", Upload));

        File.WriteAllBytes(path, [1, 2, 3, 4]);

        Assert.Null(UploadStateStore.Open(directory.Path).Find(FileFingerprint.Of(path)));
    }

    [Fact]
    public void Find_FileTouchedSameSize_NoState()
    {
        var path = directory.File("a.tif", [1, 2, 3]);
        var before = FileFingerprint.Of(path);
        UploadStateStore.Open(directory.Path).Save(before, new FileState(before.Size, before.ModifiedUtc, "hash", Upload));

        File.SetLastWriteTimeUtc(path, before.ModifiedUtc.AddSeconds(5));

        Assert.Null(UploadStateStore.Open(directory.Path).Find(FileFingerprint.Of(path)));
    }

    [Fact]
    public void Open_CorruptStateFile_StartsEmptyAndCanSave()
    {
        var file = FileFingerprint.Of(directory.File("a.tif", [1]));
        File.WriteAllText(Path.Combine(directory.Path, UploadStateStore.FileName), "{ not json");

        var store = UploadStateStore.Open(directory.Path);
        Assert.Null(store.Find(file));

        store.Save(file, new FileState(file.Size, file.ModifiedUtc, "hash", null));
        Assert.Equal("hash", UploadStateStore.Open(directory.Path).Find(file)?.Sha256Base64);
    }

    [Fact]
    public void Open_MissingDirectory_CreatedOnFirstSave()
    {
        var stateDirectory = Path.Combine(directory.Path, "nested", ".minerva");
        var file = FileFingerprint.Of(directory.File("a.tif", [1]));

        UploadStateStore.Open(stateDirectory).Save(file, new FileState(file.Size, file.ModifiedUtc, "hash", null));

        Assert.True(File.Exists(Path.Combine(stateDirectory, UploadStateStore.FileName)));
    }

    public void Dispose() => directory.Dispose();
}
