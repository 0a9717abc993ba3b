using System.Net.Sockets;

namespace Minerva.Cli.Api;

/// <summary>No answer at all from the service (refused, unknown host, timeout): exit code 1, never the caller's fault.</summary>
internal sealed class ServiceUnreachableException(string serviceUrl, string reason, Exception inner)
    : Exception($"cannot reach the Minerva service at {serviceUrl}: {reason}", inner)
{
    public static ServiceUnreachableException From(string serviceUrl, HttpRequestException exception)
    {
        // The socket's own words ("Connection refused", "Name or service not known") say more than HttpClient's wrapper.
        var reason = exception.InnerException is SocketException socket ? socket.Message : exception.Message;
        return new ServiceUnreachableException(serviceUrl, LowerFirst(reason), exception);
    }

    private static string LowerFirst(string text) =>
        text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..].TrimEnd('.') : text;
}
