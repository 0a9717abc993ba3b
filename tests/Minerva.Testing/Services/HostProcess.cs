using System.Collections.Concurrent;
using System.Diagnostics;

namespace Minerva.Testing.Services;

/// <summary>
/// The standalone host as its own process, as run.sh starts it: <c>dotnet Minerva.Host.dll</c> from the test's build
/// output with its settings as <c>--Key=Value</c> arguments, on a loopback port of its own that it keeps across
/// restarts. Its log is captured one entry per line; it can be killed with SIGKILL, as a crash would, and started again
/// with the same settings.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    /// <summary>A folder where every host process's log is written when it is disposed (for a look after a test run).</summary>
    public const string LogFolderVariable = "MINERVA_TEST_HOST_LOGS";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly string _dll;
    private readonly IReadOnlyList<string> _arguments;
    private readonly ConcurrentQueue<string> _log = new();
    private Process? _process;

    private HostProcess(string name, string dll, IReadOnlyList<string> arguments, Uri url)
    {
        Name = name;
        _dll = dll;
        _arguments = arguments;
        Url = url;
    }

    /// <summary>The name the test gave it (its log lines are prefixed with it when shown).</summary>
    public string Name { get; }

    /// <summary>Where its API answers; the same after a restart.</summary>
    public Uri Url { get; }

    /// <summary>Everything it logged so far, over all its runs, one entry per line (exceptions span several).</summary>
    public IReadOnlyList<string> Log => [.. _log];

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>
    /// Starts Minerva.Host.dll with <paramref name="settings"/> (configuration keys as "Minerva:TaskHub") and waits until
    /// it listens: by then its durable engine has started too (hosted services start before the server listens).
    /// </summary>
    public static async Task<HostProcess> StartAsync(string name, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Minerva.Host.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: the test project must reference Minerva.Host.");
        }

        // A port free when chosen may be taken by another test's process before this one binds it: that host then
        // exits, and another is started on another port.
        for (int attempt = 1; ; attempt++)
        {
            var url = new Uri($"http://127.0.0.1:{FreePort.Next()}");
            var host = new HostProcess(name, dll, Arguments(url, settings), url);
            if (await host.TryStartAsync())
            {
                return host;
            }

            await host.DisposeAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"Host {name}: three ports in a row were taken before it listened.\n{host.LogTail()}");
            }
        }
    }

    /// <summary>Starts it again with the same settings on the same port; waits until it listens.</summary>
    public async Task StartAgainAsync()
    {
        if (!await TryStartAsync())
        {
            throw new InvalidOperationException($"Host {Name}: port {Url.Port} was taken by another process.\n{LogTail()}");
        }
    }

    private static List<string> Arguments(Uri url, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["urls"] = url.ToString().TrimEnd('/'),

            // One entry per line with a time, so a test can count entries and a person can read the order of events
            // (the formatter's options apply only when it is named).
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:Console:FormatterOptions:SingleLine"] = "true",
            ["Logging:Console:FormatterOptions:TimestampFormat"] = "HH:mm:ss.fff ",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value ?? "";
        }

        // Its start is recognised by this category's "Now listening on" line, whatever level the test chose.
        all["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information";
        return [.. all.Select(s => $"--{s.Key}={s.Value}")];
    }

    /// <summary>Starts the process and waits until it listens; false if it exited because its port was taken.</summary>
    private async Task<bool> TryStartAsync()
    {
        int listenedBefore = CountLog(ListeningLine);
        int refusedBefore = CountLog(PortTakenLine);
        if (IsRunning)
        {
            throw new InvalidOperationException($"Host {Name} is still running.");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(_dll);
        foreach (var argument in _arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Host {Name}: dotnet did not start.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process?.Dispose();
        _process = process;
        return await WaitUntilListeningAsync(process, listenedBefore, refusedBefore);
    }

    /// <summary>SIGKILL (what <see cref="Process.Kill()"/> sends on Unix): no shutdown, no lease released, nothing flushed.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>How many log entries so far contain <paramref name="text"/>.</summary>
    public int CountLog(string text) => _log.Count(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>The last <paramref name="count"/> log lines, for a failure message.</summary>
    public string LogTail(int count = 40) => $"--- last log lines of host {Name} ---\n" + string.Join('\n', _log.TakeLast(count));

    /// <summary>Kills it; with MINERVA_TEST_HOST_LOGS set to a folder, its whole log is kept there as {name}-{pid}.log.</summary>
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        if (Environment.GetEnvironmentVariable(LogFolderVariable) is { Length: > 0 } folder && _process is not null)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllLinesAsync(Path.Combine(folder, $"{Name}-{_process.Id}.log"), _log);
        }

        _process?.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            _log.Enqueue(line);
        }
    }

    /// <summary>What the host logs once it listens (ASP.NET Core's lifetime message).</summary>
    private string ListeningLine => $"Now listening on: {Url.ToString().TrimEnd('/')}";

    /// <summary>What Kestrel's error says when another process holds the port.</summary>
    private const string PortTakenLine = "address already in use";

    /// <summary>
    /// Waits for its own "Now listening on" line, not for an answer on its port: before this process binds it, another
    /// that took the port meanwhile would answer in its place.
    /// </summary>
    private async Task<bool> WaitUntilListeningAsync(Process process, int listenedBefore, int refusedBefore)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (CountLog(ListeningLine) == listenedBefore)
        {
            if (process.HasExited)
            {
                // Read the rest of its output before looking at it.
                await process.WaitForExitAsync();
                if (CountLog(PortTakenLine) > refusedBefore)
                {
                    return false;
                }

                throw new InvalidOperationException($"Host {Name} exited with code {process.ExitCode} before it listened.\n{LogTail()}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Host {Name} did not listen on {Url} within {StartTimeout}.\n{LogTail()}");
            }

            await Task.Delay(100);
        }

        return true;
    }
}
