using System.Net;
using Minerva.Cli.Api;

namespace Minerva.Cli.Tests.Api;

public class MinervaApiExceptionTests
{
    [Fact]
    public void FromAnswer_ErrorBody_CarriesStatusCodeAndDetail()
    {
        var error = MinervaApiException.FromAnswer(HttpStatusCode.NotFound, """{"error":"not_found","detail":"no import 1234"}""", "GET /import/1234");

        Assert.Equal((HttpStatusCode.NotFound, "not_found", "no import 1234"), (error.Status, error.Error, error.Detail));
        Assert.True(error.IsCallerError);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>Bad Gateway</html>")]
    [InlineData("""{"message":"x"}""")]
    [InlineData("""{"detail":""}""")]
    public void FromAnswer_NotAnErrorBody_SentenceNamesStatusAndRequest(string body)
    {
        var error = MinervaApiException.FromAnswer(HttpStatusCode.BadGateway, body, "GET /repository");

        Assert.Equal("the service answered 502 BadGateway to GET /repository", error.Detail);
        Assert.False(error.IsCallerError);
    }

    [Fact]
    public void FromAnswer_UnauthorizedWithoutBody_PointsAtTheKey()
    {
        var error = MinervaApiException.FromAnswer(HttpStatusCode.Unauthorized, "", "GET /repository");

        Assert.Contains("--api-key", error.Detail, StringComparison.Ordinal);
    }
}
