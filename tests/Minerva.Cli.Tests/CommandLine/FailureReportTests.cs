using System.Net;
using System.Net.Sockets;
using Minerva.Cli.Api;
using Minerva.Cli.CommandLine;
using Minerva.Cli.Commands.Importing;

namespace Minerva.Cli.Tests.CommandLine;

public class FailureReportTests
{
    [Theory]
    [InlineData(HttpStatusCode.BadRequest, 2)]
    [InlineData(HttpStatusCode.Unauthorized, 2)]
    [InlineData(HttpStatusCode.NotFound, 2)]
    [InlineData(HttpStatusCode.Conflict, 2)]
    [InlineData(HttpStatusCode.UnprocessableEntity, 2)]
    [InlineData(HttpStatusCode.InternalServerError, 1)]
    [InlineData(HttpStatusCode.ServiceUnavailable, 1)]
    public void From_ApiError_CallerErrorsExitTwoOthersOne(HttpStatusCode status, int exitCode)
    {
        var report = FailureReport.From(new MinervaApiException(status, "code", "the detail sentence"));

        Assert.Equal(exitCode, report.ExitCode);
        Assert.Equal("minerva: the detail sentence", report.Line);
    }

    [Fact]
    public void From_UsageException_ExitsTwoWithItsMessage()
    {
        var report = FailureReport.From(new UsageException("x.tif: no such file"));

        Assert.Equal((2, "minerva: x.tif: no such file"), (report.ExitCode, report.Line));
    }

    [Fact]
    public void From_ServiceUnreachable_ExitsOneNamingTheUrl()
    {
        var refused = new HttpRequestException("Connection refused (127.0.0.1:1)", new SocketException((int)SocketError.ConnectionRefused));

        var report = FailureReport.From(ServiceUnreachableException.From("http://127.0.0.1:1", refused));

        Assert.Equal((1, "minerva: cannot reach the Minerva service at http://127.0.0.1:1: connection refused"), (report.ExitCode, report.Line));
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public void From_ImportEnded_UnusableFilesExitTwo(bool callerError, int exitCode) =>
        Assert.Equal(exitCode, FailureReport.From(new ImportEndedException("ended Failed", callerError)).ExitCode);

    [Fact]
    public void From_Interrupted_SaysHowToResume()
    {
        var report = FailureReport.From(new OperationCanceledException());

        Assert.Equal(130, report.ExitCode);
        Assert.Contains("resume", report.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_MultiLineMessage_IsFoldedOntoOneLine()
    {
        var report = FailureReport.From(new InvalidOperationException("first line\r\n  second line\n"));

        Assert.Equal("minerva: first line second line", report.Line);
    }
}
