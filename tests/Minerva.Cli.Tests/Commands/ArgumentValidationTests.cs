using Minerva.Cli.Tests.Support;

namespace Minerva.Cli.Tests.Commands;

/// <summary>The caller's mistakes are caught before any request: exit 2, one line on stderr, no stack trace.</summary>
public sealed class ArgumentValidationTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly StubApiHandler api = new();

    [Fact]
    public async Task Import_MissingFile_ExitTwoNamingTheFile()
    {
        var missing = Path.Combine(directory.Path, "absent.ome.tif");

        var run = await RunAsync("import", missing, "--repository", "r");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"minerva: {missing}: no such file", run.ErrorLine);
    }

    [Fact]
    public async Task Import_Directory_ExitTwo()
    {
        var run = await RunAsync("import", directory.Path, "--repository", "r");

        Assert.Equal((2, $"minerva: {directory.Path} is a directory; give the image files in it"), (run.ExitCode, run.ErrorLine));
    }

    [Fact]
    public async Task Import_TwoFilesOfOneName_ExitTwo()
    {
        var first = directory.File("a.tif", [1]);
        Directory.CreateDirectory(Path.Combine(directory.Path, "sub"));
        var second = directory.File(Path.Combine("sub", "a.tif"), [2]);

        var run = await RunAsync("import", first, second, "--repository", "r");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("minerva: two files are named a.tif", run.ErrorLine, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--raw-storage", "Glacier", "minerva: --raw-storage 'Glacier' is not one of Destroy, Archive, Live")]
    [InlineData("--on-conflict", "merge", "minerva: --on-conflict 'merge' is not one of Ignore, Replace, Rename")]
    public async Task Import_UnknownPolicy_ExitTwoListingTheValues(string option, string value, string line)
    {
        var run = await RunAsync("import", directory.File("a.tif", [1]), "--repository", "r", option, value);

        Assert.Equal((2, line), (run.ExitCode, run.ErrorLine));
    }

    [Fact]
    public async Task Import_NoRepository_ExitTwo()
    {
        var run = await RunAsync("import", directory.File("a.tif", [1]));

        Assert.Equal((2, "minerva: --repository is required: the repository to import into"), (run.ExitCode, run.ErrorLine));
    }

    [Theory]
    [InlineData("import", "--repository", "r")]
    [InlineData("status")]
    [InlineData("repos", "--bogus")]
    [InlineData("frobnicate")]
    public async Task Run_MalformedCommandLine_ExitTwoOneLine(params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Status_NotAUuid_ExitTwo()
    {
        var run = await RunAsync("status", "last-week");

        Assert.Equal((2, "minerva: 'last-week' is not an import uuid (expected e.g. 123e4567-e89b-12d3-a456-426614174000)"), (run.ExitCode, run.ErrorLine));
    }

    [Fact]
    public async Task Repos_NoApiKey_ExitTwoBeforeAnyRequest()
    {
        var run = await CliRun.RunAsync(api, directory.Path, "repos");

        Assert.Equal((2, "minerva: no API key: pass --api-key or set MINERVA_API_KEY"), (run.ExitCode, run.ErrorLine));
        Assert.Empty(api.Requests);
    }

    private Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync(api, directory.Path, [.. args, "--api-key", "k"]);

    public void Dispose() => directory.Dispose();
}
