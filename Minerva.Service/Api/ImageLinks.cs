using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Minerva.Service.Configuration;
using Minerva.Service.Records;

namespace Minerva.Service.Api;

/// <summary>What a verified link opens: one image of one owner, until it expires.</summary>
public sealed record ImageLink(string ImageUuid, string Owner, DateTimeOffset Expires);

/// <summary>An image's two links: its OME-Zarr (the series group, for any zarr reader) and its viewer page.</summary>
public sealed record ImageUrls(string ZarrUrl, string ViewerUrl);

/// <summary>
/// Signs and checks the capability links that open an image without the API key. A link's token is
/// <c>{expires}.{owner}.{signature}</c>: the expiry in Unix seconds, the owner's name in base64url (records are
/// kept per owner, so a link says whose image it opens), and HMAC-SHA256 over image uuid, owner and expiry, cut to
/// 128 bits, in base64url. Changing any part of a link, the uuid included, breaks its signature.
/// </summary>
public sealed class ImageLinks(IOptionsMonitor<LinkOptions> options, IOptionsMonitor<S3Options> s3, TimeProvider clock)
{
    /// <summary>The route prefix of every link: <c>shared/{uuid}/{token}/</c>.</summary>
    public const string Prefix = "shared";

    private const int SignatureBytes = 16;
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
    private static readonly byte[] KeyLabel = "minerva image links v1"u8.ToArray();

    /// <summary>The links of <paramref name="image"/>, valid for the configured lifetime, on the service's public address.</summary>
    public ImageUrls UrlsFor(HttpRequest request, ImageRecord image) => UrlsFor(request, new ImageLink(image.Uuid, image.Owner, NextExpiry()));

    /// <summary>The URLs of a link already handed out (the viewer page names the OME-Zarr of its own link).</summary>
    public ImageUrls UrlsFor(HttpRequest request, ImageLink link)
    {
        var links = $"{BaseUrl(request)}/{Prefix}/{link.ImageUuid}/{Token(link.ImageUuid, link.Owner, link.Expires)}/";
        return new ImageUrls(links + "zarr/", links + "view");
    }

    /// <summary>The service's public address, without a trailing '/': configured, or the one the request came in on.</summary>
    public string BaseUrl(HttpRequest request)
    {
        var configured = options.CurrentValue.BaseUrl;
        return configured.Length > 0 ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    /// <summary>The token of a link to the owner's image, open until <paramref name="expires"/> (whole seconds).</summary>
    public string Token(string imageUuid, string owner, DateTimeOffset expires)
    {
        var seconds = expires.ToUnixTimeSeconds();
        return $"{seconds.ToString(CultureInfo.InvariantCulture)}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(owner))}.{Signature(imageUuid, owner, seconds)}";
    }

    /// <summary>The link's owner and expiry; a malformed, altered or expired link is a 403.</summary>
    public ImageLink Verify(string imageUuid, string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !Base64Url.IsValid(parts[1]))
        {
            throw InvalidLink();
        }

        var owner = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[2]), Encoding.ASCII.GetBytes(Signature(imageUuid, owner, seconds))))
        {
            throw InvalidLink();
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, MaxUnixSeconds));
        return expires > clock.GetUtcNow()
            ? new ImageLink(imageUuid, owner, expires)
            : throw new ApiException(
                StatusCodes.Status403Forbidden,
                "link_expired",
                $"This link expired at {expires:u}; GET /image/{imageUuid} with the API key hands out a new one.");
    }

    /// <summary>
    /// Now plus the lifetime; a long lifetime is rounded up to the hour, so the links handed out within one hour are
    /// the same URLs and browsers reuse what they cached.
    /// </summary>
    private DateTimeOffset NextExpiry()
    {
        var lifetime = options.CurrentValue.Lifetime;
        var expires = clock.GetUtcNow() + lifetime;
        var step = lifetime >= TimeSpan.FromDays(1) ? TimeSpan.FromHours(1) : TimeSpan.FromSeconds(1);
        return new DateTimeOffset((expires.UtcTicks + step.Ticks - 1) / step.Ticks * step.Ticks, TimeSpan.Zero);
    }

    private static ApiException InvalidLink() =>
        new(StatusCodes.Status403Forbidden, "invalid_link", "This link is not a valid image link of this service: it was altered or cut short.");

    private string Signature(string imageUuid, string owner, long expires)
    {
        var message = Encoding.UTF8.GetBytes($"image\n{imageUuid}\n{owner}\n{expires.ToString(CultureInfo.InvariantCulture)}");
        return Base64Url.EncodeToString(HMACSHA256.HashData(Key(), message).AsSpan(0, SignatureBytes));
    }

    private byte[] Key()
    {
        var secret = options.CurrentValue.Secret;
        if (secret.Length > 0)
        {
            return Encoding.UTF8.GetBytes(secret);
        }

        var s3Secret = s3.CurrentValue.SecretKey;
        return s3Secret.Length > 0
            ? HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(s3Secret), 32, info: KeyLabel)
            : throw new InvalidOperationException($"Neither {LinkOptions.Section}:Secret nor {S3Options.Section}:SecretKey is set: image links cannot be signed.");
    }
}
