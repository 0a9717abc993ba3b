using Minerva.Service.Records;
using Minerva.Service.Storage;

namespace Minerva.Service.Api;

/// <summary>
/// Keeps an import open for one POST /import/{uuid}/files request. It is taken only while the import awaits its
/// upload (409 otherwise, atomically with any PUT complete), and while it is held PUT complete answers 409, so a
/// file is either stored before the upload is complete or not at all. It renews itself while the request streams;
/// a request that died without releasing it stops counting after <see cref="Expiry"/>. Release tells whether the
/// import still awaits its upload: if a DELETE cancelled it meanwhile, the request must take back what it stored.
/// </summary>
internal sealed class FileUploadLease : IAsyncDisposable
{
    /// <summary>How long a lease counts without being renewed.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan RenewalInterval = Expiry / 4;

    private readonly IRecordStore _records;
    private readonly ImportRecord _import;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;
    private bool _released;

    private FileUploadLease(IRecordStore records, ImportRecord import, TimeProvider clock)
    {
        _records = records;
        _import = import;
        _clock = clock;
        _renewal = RenewAsync();
    }

    /// <summary>Cancelled when the import stops awaiting its upload while the request runs (a DELETE cancelled it).</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Whether a files request holds the import open (counted and renewed within <see cref="Expiry"/>).</summary>
    public static bool IsHeld(ImportRecord import, DateTimeOffset now) => Holders(import, now) > 0;

    public static async Task<FileUploadLease> AcquireAsync(IRecordStore records, ImportRecord import, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var change = await records.ChangeImportAsync(
            import.Owner,
            import.Uuid,
            r => r.Status == ImportStatus.AwaitingUpload ? r with { Uploads = new FileUploads(Holders(r, now) + 1, now) } : null,
            ct) ?? throw ApiException.NotFound("import", import.Uuid);
        if (!change.Changed)
        {
            change.Import.RequireAwaitingUpload("files can be uploaded");
        }

        return new FileUploadLease(records, change.Import, clock);
    }

    /// <summary>Gives the lease back; true when the import still awaits its upload, so what the request stored stays.</summary>
    public async Task<bool> ReleaseAsync()
    {
        _released = true;
        await _stop.CancelAsync();
        await _renewal;
        var now = _clock.GetUtcNow();
        var change = await _records.ChangeImportAsync(
            _import.Owner,
            _import.Uuid,
            r => r with { Uploads = Holders(r, now) > 1 ? r.Uploads! with { Count = r.Uploads.Count - 1 } : null },
            CancellationToken.None);
        return change?.Import.Status == ImportStatus.AwaitingUpload;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_released)
        {
            await ReleaseAsync();
        }

        _stop.Dispose();
        _lost.Dispose();
    }

    private static int Holders(ImportRecord import, DateTimeOffset now) =>
        import.Uploads is { Count: > 0 } uploads && now - uploads.Renewed < Expiry ? uploads.Count : 0;

    private async Task RenewAsync()
    {
        while (true)
        {
            try
            {
                await Task.Delay(RenewalInterval, _clock, _stop.Token);
                var now = _clock.GetUtcNow();
                var change = await _records.ChangeImportAsync(
                    _import.Owner,
                    _import.Uuid,
                    r => r.Status == ImportStatus.AwaitingUpload ? r with { Uploads = new FileUploads(Math.Max(1, Holders(r, now)), now) } : null,
                    _stop.Token);
                if (change is not { Changed: true })
                {
                    await _lost.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception) when (!_stop.IsCancellationRequested)
            {
                // The record store did not answer: tried again at the next interval (the lease counts until Expiry).
            }
        }
    }
}
