using Minerva.Service.Records;
using Minerva.Service.Storage;
using Minerva.Testing.Services;

namespace Minerva.Service.Tests.Storage;

[Collection(LocalServices.Collection)]
public sealed class TableRecordStoreTests(LocalServices services) : IAsyncLifetime
{
    private static readonly DateTimeOffset Created = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly string _owner = "user-" + Guid.NewGuid().ToString("N")[..8];
    private TableRecordStore _store = null!;

    public async Task InitializeAsync() => _store = await Stores.RecordStoreAsync(services);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetRepositoryAsync_OwnerAndOtherOwner_FindsOnlyForOwner()
    {
        var repository = await CreateRepositoryAsync("Repository 1", RawStorage.Archive);

        Assert.Equal(repository, await _store.GetRepositoryAsync(_owner, repository.Uuid));
        Assert.Null(await _store.GetRepositoryAsync("someone-else", repository.Uuid));
        Assert.Null(await _store.GetRepositoryAsync(_owner, NewUuid()));
    }

    [Fact]
    public async Task ListRepositoriesAsync_TwoRepositories_ListsBothForOwnerOnly()
    {
        var first = await CreateRepositoryAsync("a", RawStorage.Destroy);
        var second = await CreateRepositoryAsync("b", RawStorage.Live);

        var listed = await _store.ListRepositoriesAsync(_owner);

        Assert.Equal(new[] { first, second }.OrderBy(r => r.Uuid), listed.OrderBy(r => r.Uuid));
        Assert.Empty(await _store.ListRepositoriesAsync("nobody-" + NewUuid()));
    }

    [Fact]
    public async Task ChangeImportAsync_TenWritersAtOnce_EachChangeAppliedOnceOnWhatTheOthersWrote()
    {
        var repository = await CreateRepositoryAsync("r", RawStorage.Destroy);
        var import = new ImportRecord(NewUuid(), _owner, repository.Uuid, "i", ImportStatus.AwaitingUpload, ImportProgress.None, [], Created, Created);
        await _store.PutImportAsync(import);

        // Each writer moves the import on by one file; only one of them may also end its upload.
        var changes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _store.ChangeImportAsync(_owner, import.Uuid, r =>
            r with { Progress = r.Progress with { FilesTotal = r.Progress.FilesTotal + 1 } })));
        var transitions = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _store.ChangeImportAsync(_owner, import.Uuid, r =>
            r.Status == ImportStatus.AwaitingUpload ? r with { Status = ImportStatus.Processing } : null)));

        Assert.All(changes, c => Assert.True(c!.Changed));
        Assert.Equal(10, (await _store.GetImportAsync(_owner, import.Uuid))!.Progress.FilesTotal);
        Assert.Single(transitions, t => t!.Changed);
        Assert.All(transitions, t => Assert.Equal(ImportStatus.Processing, t!.Import.Status));
        Assert.Null(await _store.ChangeImportAsync("someone-else", import.Uuid, r => r));
    }

    [Fact]
    public async Task PutImportAsync_WithFileUploads_ReadsThemBack()
    {
        var repository = await CreateRepositoryAsync("r", RawStorage.Destroy);
        var import = new ImportRecord(
            NewUuid(), _owner, repository.Uuid, "i", ImportStatus.AwaitingUpload, ImportProgress.None, [], Created, Created)
        {
            Uploads = new FileUploads(2, Created.AddMinutes(1)),
        };

        await _store.PutImportAsync(import);

        Assert.Equal(import.Uploads, (await _store.GetImportAsync(_owner, import.Uuid))!.Uploads);
    }

    [Fact]
    public async Task PutImportAsync_Replaced_GetReturnsLatestWithProgressAndErrors()
    {
        var repository = await CreateRepositoryAsync("r", RawStorage.Destroy);
        var import = new ImportRecord(NewUuid(), _owner, repository.Uuid, "Import 1", ImportStatus.AwaitingUpload, ImportProgress.None, [], Created, Created);
        await _store.PutImportAsync(import);
        var failed = import with
        {
            Status = ImportStatus.Failed,
            Progress = new ImportProgress(3, 2, 5_000_000_000, 17)
            {
                BytesTotal = 80_000_000_000,
                BytesDone = 1_000_000,
                Levels = [new LevelProgress(0, 2, 4_000_000_000, 17, 60_000_000_000, 1_000_000), new LevelProgress(3, 5, 1_000_000_000, 0, 20_000_000_000, 0)],
            },
            Errors = ["a.tif is not a TIFF file.", "b.tif is truncated."],
            Updated = Created.AddMinutes(5),
        };
        await _store.PutImportAsync(failed);

        var read = await _store.GetImportAsync(_owner, import.Uuid);

        Assert.NotNull(read);
        Assert.Equal(failed with { Errors = [], Progress = ImportProgress.None }, read with { Errors = [], Progress = ImportProgress.None });
        Assert.Equal(failed.Errors, read.Errors);
        Assert.Equal(failed.Progress with { Levels = [] }, read.Progress with { Levels = [] });
        Assert.Equal(failed.Progress.Levels, read.Progress.Levels);
        Assert.Null(await _store.GetImportAsync("someone-else", import.Uuid));
    }

    [Fact]
    public async Task ListImportsAsync_ByRepository_ListsOnlyThatRepository()
    {
        var first = await CreateRepositoryAsync("r1", RawStorage.Destroy);
        var second = await CreateRepositoryAsync("r2", RawStorage.Destroy);
        var inFirst = new ImportRecord(NewUuid(), _owner, first.Uuid, "i1", ImportStatus.Processing, ImportProgress.None, [], Created, Created);
        var inSecond = inFirst with { Uuid = NewUuid(), RepositoryUuid = second.Uuid };
        await _store.PutImportAsync(inFirst);
        await _store.PutImportAsync(inSecond);

        Assert.Equal([inFirst.Uuid], (await _store.ListImportsAsync(_owner, first.Uuid)).Select(i => i.Uuid));
        Assert.Equal(2, (await _store.ListImportsAsync(_owner, null)).Count);
    }

    [Fact]
    public async Task ListFilesetsAsync_PutTwice_ListsLatestVersion()
    {
        var importUuid = NewUuid();
        var fileset = new FilesetRecord(NewUuid(), importUuid, _owner, "image.ome.tif", $"imports/{importUuid}/image.ome.tif", "ome-tiff",
            FilesetStatus.Processing, 0.25, null, null, [], Created);
        await _store.PutFilesetAsync(fileset);
        var complete = fileset with { Status = FilesetStatus.Complete, Progress = 1, Sha256 = new string('a', 64), ImageUuids = [NewUuid(), NewUuid()] };
        await _store.PutFilesetAsync(complete);

        var listed = Assert.Single(await _store.ListFilesetsAsync(importUuid));

        Assert.Equal(complete with { ImageUuids = [] }, listed with { ImageUuids = [] });
        Assert.Equal(complete.ImageUuids, listed.ImageUuids);
        Assert.True(listed.Complete);
    }

    [Fact]
    public async Task PutImageAsync_RoundTrip_KeepsShapeAndChannels()
    {
        var image = NewImage(NewUuid());
        await _store.PutImageAsync(image);

        var read = await _store.GetImageAsync(_owner, image.Uuid);

        Assert.NotNull(read);
        Assert.Equal(image.Shape, read.Shape);
        Assert.Equal(image.Channels, read.Channels);
        Assert.Equal(image with { Shape = [], Channels = [] }, read with { Shape = [], Channels = [] });
        Assert.Null(await _store.GetImageAsync("someone-else", image.Uuid));
    }

    [Fact]
    public async Task DeleteImageAsync_Listed_IsGoneFromRepositoryListing()
    {
        var repositoryUuid = NewUuid();
        var kept = NewImage(repositoryUuid);
        var deleted = NewImage(repositoryUuid);
        await _store.PutImageAsync(kept);
        await _store.PutImageAsync(deleted);

        await _store.DeleteImageAsync(deleted);

        Assert.Equal([kept.Uuid], (await _store.ListImagesAsync(repositoryUuid)).Select(i => i.Uuid));
        Assert.Null(await _store.GetImageAsync(_owner, deleted.Uuid));
    }

    [Fact]
    public async Task PutHashAsync_EmptyList_ForgetsHash()
    {
        var repositoryUuid = NewUuid();
        var sha = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + new string('0', 32);
        string[] images = [NewUuid(), NewUuid()];
        await _store.PutHashAsync(repositoryUuid, sha, images);

        Assert.Equal(images, await _store.FindImagesByHashAsync(repositoryUuid, sha));
        await _store.PutHashAsync(repositoryUuid, sha, []);
        Assert.Empty(await _store.FindImagesByHashAsync(repositoryUuid, sha));
    }

    [Fact]
    public async Task MissingHashesAsync_HashInOwnersRepository_OnlyOthersMissing()
    {
        var repository = await CreateRepositoryAsync("r", RawStorage.Destroy);
        string held = new('b', 64), absent = new('c', 64);
        await _store.PutHashAsync(repository.Uuid, held, [NewUuid()]);

        Assert.Equal([absent], await _store.MissingHashesAsync(_owner, [held, absent]));
        Assert.Equal([held, absent], await _store.MissingHashesAsync("someone-else", [held, absent]));
    }

    private async Task<RepositoryRecord> CreateRepositoryAsync(string name, RawStorage rawStorage)
    {
        var repository = new RepositoryRecord(NewUuid(), _owner, name, rawStorage, Created);
        await _store.CreateRepositoryAsync(repository);
        return repository;
    }

    private ImageRecord NewImage(string repositoryUuid) => new(
        NewUuid(), _owner, repositoryUuid, NewUuid(), "image 0", 0, $"images/{NewUuid()}/", 3, [1, 3, 1, 5000, 7000], "uint16",
        [new ChannelRecord("DAPI", "0000FF"), new ChannelRecord("CD3", "00FF00"), new ChannelRecord("", "FFFFFF")],
        new string('d', 64), Created);

    private static string NewUuid() => Guid.NewGuid().ToString();
}
