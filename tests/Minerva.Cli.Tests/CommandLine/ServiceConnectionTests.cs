using Minerva.Cli.CommandLine;

namespace Minerva.Cli.Tests.CommandLine;

public class ServiceConnectionTests
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        [ServiceConnection.UrlVariable] = "http://env-host:8080/",
        [ServiceConnection.ApiKeyVariable] = "env-key",
    };

    [Fact]
    public void Resolve_OptionsGiven_OptionsWinOverEnvironment()
    {
        var connection = ServiceConnection.Resolve("https://option-host/api/", "option-key", Environment.GetValueOrDefault);

        Assert.Equal(new ServiceConnection("https://option-host/api", "option-key"), connection);
        Assert.Equal(new Uri("https://option-host/api/"), connection.BaseAddress);
    }

    [Fact]
    public void Resolve_NoOptions_EnvironmentIsUsed() =>
        Assert.Equal(new ServiceConnection("http://env-host:8080", "env-key"), ServiceConnection.Resolve(null, null, Environment.GetValueOrDefault));

    [Fact]
    public void Resolve_NoUrlAnywhere_DefaultUrl() =>
        Assert.Equal(ServiceConnection.DefaultUrl, ServiceConnection.Resolve(null, "k", _ => null).Url);

    [Fact]
    public void Resolve_NoKeyAnywhere_UsageErrorNamingTheVariable()
    {
        var error = Assert.Throws<UsageException>(() => ServiceConnection.Resolve(null, " ", _ => null));

        Assert.Contains(ServiceConnection.ApiKeyVariable, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:7071")]
    [InlineData("ftp://host/")]
    [InlineData("not a url")]
    public void Resolve_NotAnHttpUrl_UsageError(string url)
    {
        var error = Assert.Throws<UsageException>(() => ServiceConnection.Resolve(url, "k", _ => null));

        Assert.Contains(url, error.Message, StringComparison.Ordinal);
    }
}
