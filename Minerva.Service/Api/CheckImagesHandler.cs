using Microsoft.AspNetCore.Http;
using Minerva.Service.Storage;

namespace Minerva.Service.Api;

/// <summary>POST /import/check-images: which of these base64 SHA-256 hashes the caller's repositories do not hold yet.</summary>
public sealed class CheckImagesHandler(ApiKeys keys, IRecordStore records)
{
    /// <summary>Bounds the table look-ups one request can cause.</summary>
    public const int MaxHashes = 1000;

    public async Task<IResult> CheckAsync(HttpRequest request, CancellationToken ct)
    {
        var owner = keys.UserOf(request);
        var hashes = await ApiRequests.ReadJsonAsync<string[]>(request, ct);
        if (hashes.Length > MaxHashes)
        {
            throw new ApiException(StatusCodes.Status413PayloadTooLarge, "too_many_hashes", $"At most {MaxHashes} hashes can be checked at once; got {hashes.Length}.");
        }

        // Stored hashes are lowercase hex; the caller's own spelling is answered back.
        var byHex = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var hash in hashes)
        {
            byHex.TryAdd(Sha256Base64.ToHex(hash, "hash"), hash);
        }

        var missing = await records.MissingHashesAsync(owner, [.. byHex.Keys], ct);
        return ApiResults.Json(missing.Select(hex => byHex[hex]).ToArray());
    }
}
