using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Minerva.Host.Tests.Scripts;

/// <summary>A local service killed as a crash kills it: while a client is connected, leaving TIME_WAIT behind on its port.</summary>
internal static class CrashedService
{
    /// <summary>
    /// Kills (SIGKILL) the service whose pid file is given while a client holds a connection to its port, then
    /// closes that connection: the server's end stays in TIME_WAIT, as after a crash under load.
    /// </summary>
    public static async Task KillWhileConnectedAsync(int port, string pidFile)
    {
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
            var buffer = new byte[4096];
            Assert.True(await stream.ReadAsync(buffer) > 0);

            using var service = Process.GetProcessById(int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), CultureInfo.InvariantCulture));
            service.Kill();
            await service.WaitForExitAsync();
            while (await stream.ReadAsync(buffer) > 0)
            {
                // The rest of the answer, then the end of the stream the kernel closed for the dead server.
            }
        }

        Assert.True(TimeWaitConnections(port) > 0, $"expected a connection in TIME_WAIT on port {port}");
    }

    /// <summary>The HTTP status the service answers at <paramref name="url"/> (any answer means it is back).</summary>
    public static async Task<HttpStatusCode> GetStatusAsync(string url)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(url);
        return response.StatusCode;
    }

    /// <summary>Connections whose local end is 127.0.0.1:port in state TIME_WAIT (06), from /proc/net/tcp.</summary>
    private static int TimeWaitConnections(int port)
    {
        var local = $"0100007F:{port:X4}";
        return File.ReadLines("/proc/net/tcp").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Count(fields => fields[1] == local && fields[3] == "06");
    }
}
