using Microsoft.AspNetCore.Http;
using Minerva.Service.Api;
using Minerva.Service.Configuration;
using Minerva.Service.Records;

namespace Minerva.Service.Tests.Api;

public sealed class ImageLinksTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 34, 56, TimeSpan.Zero);
    private static readonly string Uuid = Guid.NewGuid().ToString();

    [Fact]
    public void Verify_TokenItSigned_AnswersOwnerAndExpiry()
    {
        var links = Links();
        var expires = Now.AddDays(2);

        var link = links.Verify(Uuid, links.Token(Uuid, "alice@lab", expires));

        Assert.Equal(new ImageLink(Uuid, "alice@lab", expires), link);
    }

    [Fact]
    public void Verify_Expired_Is403LinkExpired()
    {
        var links = Links();

        var e = Assert.Throws<ApiException>(() => links.Verify(Uuid, links.Token(Uuid, "alice", Now.AddSeconds(-1))));

        Assert.Equal((403, "link_expired"), (e.Status, e.Code));
    }

    [Theory]
    [InlineData("expiry")]
    [InlineData("owner")]
    [InlineData("signature")]
    [InlineData("uuid")]
    [InlineData("secret")]
    public void Verify_AnyPartChanged_Is403InvalidLink(string part)
    {
        var token = Links().Token(Uuid, "alice", Now.AddDays(1));
        var (expiry, owner, signature) = (token.Split('.')[0], token.Split('.')[1], token.Split('.')[2]);
        var (uuid, links) = (Uuid, Links());
        switch (part)
        {
            case "expiry": expiry = (long.Parse(expiry) + 3600).ToString(); break;
            case "owner": owner = Convert.ToBase64String("bob"u8).TrimEnd('='); break;
            case "signature": signature = (signature[0] == 'A' ? "B" : "A") + signature[1..]; break;
            case "uuid": uuid = Guid.NewGuid().ToString(); break;
            default: links = Links(secret: "another secret"); break;
        }

        var e = Assert.Throws<ApiException>(() => links.Verify(uuid, $"{expiry}.{owner}.{signature}"));

        Assert.Equal((403, "invalid_link"), (e.Status, e.Code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("abc.def.ghi")]
    [InlineData("-5.YWxpY2U.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("99999999999999999999999.YWxpY2U.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("1.2.3.4")]
    public void Verify_Malformed_Is403InvalidLink(string token)
    {
        var e = Assert.Throws<ApiException>(() => Links().Verify(Uuid, token));

        Assert.Equal((403, "invalid_link"), (e.Status, e.Code));
    }

    [Fact]
    public void Verify_NoSecretConfigured_UsesKeyDerivedFromS3Secret()
    {
        var derived = Links(secret: "", s3Secret: "s3-secret");
        var token = derived.Token(Uuid, "alice", Now.AddDays(1));

        Assert.Equal("alice", derived.Verify(Uuid, token).Owner);
        Assert.Throws<ApiException>(() => Links(secret: "", s3Secret: "other-s3-secret").Verify(Uuid, token));
    }

    [Fact]
    public void UrlsFor_ConfiguredBaseUrl_BuildsBothLinksOnIt()
    {
        var links = Links(baseUrl: "https://minerva.example.org/api/");
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("10.0.0.5:8080");

        var urls = links.UrlsFor(context.Request, Image());

        var token = links.Token(Uuid, "alice", new DateTimeOffset(2026, 3, 8, 13, 0, 0, TimeSpan.Zero));
        Assert.Equal($"https://minerva.example.org/api/shared/{Uuid}/{token}/zarr/", urls.ZarrUrl);
        Assert.Equal($"https://minerva.example.org/api/shared/{Uuid}/{token}/view", urls.ViewerUrl);
    }

    [Fact]
    public void UrlsFor_NoBaseUrl_UsesTheRequestsAddress()
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("viewer.lab:7071");
        context.Request.PathBase = "/minerva";

        var urls = Links(lifetime: TimeSpan.FromMinutes(5)).UrlsFor(context.Request, Image());

        Assert.StartsWith($"https://viewer.lab:7071/minerva/shared/{Uuid}/{Now.AddMinutes(5).ToUnixTimeSeconds()}.", urls.ZarrUrl);
    }

    private static ImageRecord Image() =>
        new(Uuid, "alice", "r", "f", "image", 0, "zarr/i/f.ome.zarr/0", 1, [1, 1, 1, 1, 1], "uint8", [], new string('a', 64), Now);

    private static ImageLinks Links(string secret = "link secret", string s3Secret = "", string baseUrl = "", TimeSpan? lifetime = null) => new(
        StaticOptions.Of(new LinkOptions { Secret = secret, BaseUrl = baseUrl, Lifetime = lifetime ?? TimeSpan.FromDays(7) }),
        StaticOptions.Of(new S3Options { SecretKey = s3Secret }),
        new FixedClock(Now));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
