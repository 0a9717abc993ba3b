namespace Minerva.Service.Api;

/// <summary>The API spells SHA-256 hashes in base64 (as in the seed API); records keep lowercase hex.</summary>
public static class Sha256Base64
{
    public static string ToHex(string? base64, string field)
    {
        Span<byte> hash = stackalloc byte[32];
        if (base64 is null || !Convert.TryFromBase64String(base64, hash, out var written) || written != hash.Length)
        {
            throw ApiException.BadRequest("invalid_hash", $"The {field} '{ApiRequests.Quote(base64 ?? "")}' is not a base64-encoded SHA-256 hash (32 bytes).");
        }

        return Convert.ToHexStringLower(hash);
    }

    public static string FromBytes(ReadOnlySpan<byte> hash) => Convert.ToBase64String(hash);
}
